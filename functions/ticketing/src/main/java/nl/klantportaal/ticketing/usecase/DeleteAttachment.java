package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.AttachmentRepository;
import nl.klantportaal.ticketing.port.AttachmentStore;

/**
 * Removes an attachment (a file uploaded by mistake, one with a password or personal data in it):
 * its uploader while the ticket is not closed, or provider staff at any time. The bytes go first (a
 * repeated delete is harmless), then, in one transaction, the attachment item and an audit entry
 * naming the file; the conversation keeps the audit line, not the file.
 */
public final class DeleteAttachment {
  private final TicketAccess access;
  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final Clock clock;

  public DeleteAttachment(TicketAccess access, AttachmentRepository attachments, AttachmentStore store, Clock clock) {
    this.access = access;
    this.attachments = attachments;
    this.store = store;
    this.clock = clock;
  }

  public void execute(Caller caller, TicketRef ref, String attachmentId) {
    Ticket ticket = access.visible(caller, ref);
    if (!PendingUpload.isId(attachmentId)) {
      throw new DomainException.NotFound("Attachment " + attachmentId);
    }
    TicketAttachment attachment = attachments.attachment(ref, attachmentId)
        .orElseThrow(() -> new DomainException.NotFound("Attachment " + attachmentId));
    if (!caller.role().isProviderStaff()) {
      if (!attachment.uploadedBy().equals(caller.userId())) {
        throw new DomainException.Forbidden("Only whoever uploaded a file, or the service desk, removes it");
      }
      if (ticket.status() == TicketStatus.CLOSED) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
            "Ticket " + ref + " is closed; ask the service desk to remove the file");
      }
    }
    Instant now = clock.instant();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("attachmentId", attachment.id());
    details.put("fileName", attachment.fileName());
    details.put("size", Long.toString(attachment.size()));
    store.delete(attachment);
    attachments.remove(attachment, TicketAudit.of(access.actor(caller), now, "attachment-deleted", details));
  }
}
