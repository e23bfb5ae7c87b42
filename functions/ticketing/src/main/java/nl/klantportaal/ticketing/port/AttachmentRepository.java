package nl.klantportaal.ticketing.port;

import java.util.Optional;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;

/** Announced uploads and confirmed attachments, both items of the ticket's partition. */
public interface AttachmentRepository {

  /** Stores a new upload announcement (with its expiry as TTL). */
  void announce(PendingUpload upload);

  /** The upload announced under {@code id} for this ticket, expired or not, or empty. */
  Optional<PendingUpload> upload(TicketRef ticket, String id);

  /**
   * In one transaction: the attachment item, the removal of its upload item (which must still
   * exist) and the audit entry; the ticket must still exist and not be closed. A Conflict
   * ILLEGAL_STATE if the ticket was closed meanwhile; NotFound if the upload is gone (confirmed
   * or discarded concurrently).
   */
  void confirm(PendingUpload upload, TicketAttachment attachment, TicketAudit audit);

  /**
   * An attachment that was never announced (a file that arrived whole, such as a mail's attachment,
   * stored by {@link AttachmentStore#storeChecked}), in one transaction: the ticket still exists and is
   * not closed, the attachment item, which must not exist yet, and the audit entry. False, with nothing
   * written, when the attachment is already there: its id is derived from where the file came from, so
   * a second delivery of the same file cannot add it twice. A Conflict ILLEGAL_STATE if the ticket was
   * closed meanwhile.
   */
  boolean add(TicketAttachment attachment, TicketAudit audit);

  /** Removes a refused or expired upload item, with the audit entry of why. */
  void discard(PendingUpload upload, TicketAudit audit);

  Optional<TicketAttachment> attachment(TicketRef ticket, String id);

  /**
   * In one transaction: the attachment item removed (it must still exist) and the audit entry of who
   * removed it. NotFound if it was removed concurrently.
   */
  void remove(TicketAttachment attachment, TicketAudit audit);
}
