package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.AttachmentRepository;
import nl.klantportaal.ticketing.port.AttachmentStore;

/**
 * Step 3 of an attachment: the uploader (or provider staff) confirms the upload. The object in
 * quarantine must have exactly the declared size and start like the declared kind of file; then it
 * moves out of quarantine and the attachment, the removal of the announcement and an audit entry are
 * written in one transaction. A refused file is deleted together with its announcement.
 */
public final class ConfirmAttachmentUpload {
  private final TicketAccess access;
  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final Clock clock;

  public ConfirmAttachmentUpload(TicketAccess access, AttachmentRepository attachments, AttachmentStore store, Clock clock) {
    this.access = access;
    this.attachments = attachments;
    this.store = store;
    this.clock = clock;
  }

  /** Why a confirm is refused: the caller can act on each differently. */
  public enum Reason {
    /** Nothing was uploaded (yet): upload, then confirm again. The announcement stays. */
    NOT_RECEIVED,
    /** The announcement expired; announce the file again. */
    EXPIRED,
    /** The uploaded object is not the declared size (or over the limit); it was deleted. */
    SIZE_MISMATCH,
    /** The file's first bytes are not the declared kind, or no allowed kind; it was deleted. */
    TYPE_NOT_ALLOWED
  }

  public sealed interface Outcome {
    /** {@code repeated}: the upload had been confirmed before (a retried confirm). */
    record Confirmed(TicketAttachment attachment, boolean repeated) implements Outcome {}

    record Refused(Reason reason, String detail) implements Outcome {}
  }

  public Outcome execute(Caller caller, TicketRef ref, String uploadId) {
    Ticket ticket = access.visible(caller, ref);
    if (!PendingUpload.isId(uploadId)) {
      throw new DomainException.NotFound("Upload " + uploadId);
    }
    Optional<PendingUpload> found = attachments.upload(ref, uploadId).filter(u -> u.confirmableBy(caller));
    if (found.isEmpty()) {
      return alreadyConfirmed(caller, ref, uploadId)
          .<Outcome>map(a -> new Outcome.Confirmed(a, true))
          .orElseThrow(() -> new DomainException.NotFound("Upload " + uploadId));
    }
    PendingUpload upload = found.get();
    Actor.Person actor = access.actor(caller);
    Instant now = clock.instant();
    if (upload.expiredAt(now)) {
      return refuse(upload, actor, now, Reason.EXPIRED, "The upload expired at " + upload.expiresAt() + "; announce the file again");
    }
    if (ticket.status() == TicketStatus.CLOSED) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Ticket " + ref + " is closed: attach the file to a follow-up ticket");
    }
    Optional<Long> stored = store.quarantinedSize(upload);
    if (stored.isEmpty()) {
      return new Outcome.Refused(Reason.NOT_RECEIVED, "Nothing was uploaded for " + uploadId + " yet");
    }
    long size = stored.get();
    if (size != upload.size() || size > PendingUpload.MAX_SIZE) {
      return refuse(upload, actor, now, Reason.SIZE_MISMATCH,
          "The uploaded file has " + size + " bytes, " + upload.size() + " were announced (at most " + PendingUpload.MAX_SIZE + ")");
    }
    byte[] head = store.quarantinedHead(upload, AttachmentKind.SAMPLE_BYTES);
    if (!upload.kind().matches(head, size <= head.length)) {
      return refuse(upload, actor, now, Reason.TYPE_NOT_ALLOWED,
          "The file's content is not " + upload.kind().contentType() + " as announced");
    }
    store.release(upload);
    TicketAttachment attachment = upload.confirmed(now);
    try {
      attachments.confirm(upload, attachment, TicketAudit.of(actor, now, "attachment-added", details(upload, Map.of())));
    } catch (DomainException.NotFound concurrent) {
      // Another confirm of the same upload won the transaction: its attachment is the answer.
      return alreadyConfirmed(caller, ref, uploadId).<Outcome>map(a -> new Outcome.Confirmed(a, true))
          .orElseThrow(() -> concurrent);
    }
    store.discard(upload);
    return new Outcome.Confirmed(attachment, false);
  }

  private Optional<TicketAttachment> alreadyConfirmed(Caller caller, TicketRef ref, String uploadId) {
    return attachments.attachment(ref, uploadId)
        .filter(a -> caller.role().isProviderStaff() || a.uploadedBy().equals(caller.userId()));
  }

  private Outcome refuse(PendingUpload upload, Actor actor, Instant now, Reason reason, String detail) {
    store.discard(upload);
    attachments.discard(upload, TicketAudit.of(actor, now, "attachment-refused",
        details(upload, Map.of("reason", reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')))));
    return new Outcome.Refused(reason, detail);
  }

  private static Map<String, String> details(PendingUpload upload, Map<String, String> extra) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("attachmentId", upload.id());
    details.put("fileName", upload.fileName());
    details.put("contentType", upload.kind().contentType());
    details.put("size", Long.toString(upload.size()));
    details.put("uploadedBy", upload.uploadedBy().value());
    details.putAll(extra);
    return details;
  }
}
