package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AttachmentCheck;
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
 * A file that arrives whole instead of through the presigned upload — a mail's attachment — put on a
 * ticket under the portal's rules: {@link AttachmentCheck} over the very bytes that are stored, then the
 * bytes to the attachment's place ({@link AttachmentStore#storeChecked}) and the attachment item with its
 * audit entry {@code attachment-added} in one conditional transaction ({@link AttachmentRepository#add}),
 * bytes first so an item never names missing bytes. The caller (anyone who may see the open ticket, as
 * for an announcement) is the uploader. The id is the caller's, derived from where the file came from:
 * the same file delivered again finds its attachment instead of adding a second one.
 */
public final class AttachReceivedFile {
  private final TicketAccess access;
  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final Clock clock;

  public AttachReceivedFile(TicketAccess access, AttachmentRepository attachments, AttachmentStore store, Clock clock) {
    this.access = access;
    this.attachments = attachments;
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param id       the attachment's id, a lower-case UUID ({@link PendingUpload#isId}) the same for the same file
   * @param fileName the name as the file came (sanitised here)
   * @param origin   audit details saying where the file came from (e.g. {@code source=email})
   */
  public record ReceivedFile(String id, String fileName, String contentType, byte[] content, Map<String, String> origin) {
    public ReceivedFile {
      if (!PendingUpload.isId(id)) {
        throw new IllegalArgumentException("An attachment id is a lower-case UUID");
      }
      origin = Map.copyOf(origin);
    }
  }

  public sealed interface Outcome {
    record Added(TicketAttachment attachment) implements Outcome {}

    /** The file was attached before (the same message delivered again): nothing written. */
    record AlreadyThere(TicketAttachment attachment) implements Outcome {}

    /** Refused by the portal's rules: nothing stored. */
    record Refused(AttachmentCheck.Result.Refused refusal) implements Outcome {}
  }

  public Outcome execute(Caller caller, TicketRef ref, ReceivedFile file) {
    Ticket ticket = access.visible(caller, ref);
    Optional<TicketAttachment> before = attachments.attachment(ref, file.id());
    if (before.isPresent()) {
      return new Outcome.AlreadyThere(before.get());
    }
    if (ticket.status() == TicketStatus.CLOSED) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Ticket " + ref + " is closed: the file cannot be attached any more");
    }
    byte[] content = file.content();
    byte[] head = Arrays.copyOf(content, Math.min(content.length, AttachmentKind.SAMPLE_BYTES));
    AttachmentCheck.Result checked = AttachmentCheck.check(file.fileName(), file.contentType(), content.length, head);
    if (checked instanceof AttachmentCheck.Result.Refused refused) {
      return new Outcome.Refused(refused);
    }
    AttachmentCheck.Result.Accepted accepted = (AttachmentCheck.Result.Accepted) checked;
    Actor.Person uploader = access.actor(caller);
    Instant now = clock.instant();
    TicketAttachment attachment = new TicketAttachment(file.id(), ref, accepted.fileName(), accepted.kind(), content.length,
        uploader.userId(), uploader.name(), now);
    store.storeChecked(attachment, content);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("attachmentId", attachment.id());
    details.put("fileName", attachment.fileName());
    details.put("contentType", attachment.kind().contentType());
    details.put("size", Long.toString(attachment.size()));
    details.put("uploadedBy", attachment.uploadedBy().value());
    details.putAll(file.origin());
    if (attachments.add(attachment, TicketAudit.of(uploader, now, "attachment-added", details))) {
      return new Outcome.Added(attachment);
    }
    // A concurrent attempt with the same file won the transaction: its attachment is the answer.
    return new Outcome.AlreadyThere(attachments.attachment(ref, file.id()).orElseThrow(
        () -> new IllegalStateException("Attachment " + file.id() + " was added and is gone")));
  }
}
