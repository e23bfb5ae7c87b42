package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.FileNames;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.AttachmentRepository;
import nl.klantportaal.ticketing.port.AttachmentStore;

/**
 * Step 1 of an attachment: anyone who may see an open ticket announces a file (name, content type,
 * exact size) and gets a short-lived presigned PUT into quarantine for exactly that. Nothing is on
 * the ticket until the upload is confirmed ({@link ConfirmAttachmentUpload}).
 */
public final class RequestAttachmentUpload {
  /** How long the presigned PUT works; the announcement itself holds for {@link PendingUpload#LIFETIME}. */
  public static final Duration URL_LIFETIME = Duration.ofMinutes(15);

  private final TicketAccess access;
  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final Clock clock;

  public RequestAttachmentUpload(TicketAccess access, AttachmentRepository attachments, AttachmentStore store, Clock clock) {
    this.access = access;
    this.attachments = attachments;
    this.store = store;
    this.clock = clock;
  }

  public record UploadInput(String fileName, String contentType, Long size) {}

  public record UploadOffer(PendingUpload upload, AttachmentStore.PresignedRequest put) {}

  public UploadOffer execute(Caller caller, TicketRef ref, UploadInput input) {
    Validation v = new Validation();
    String fileName = v.requiredText("fileName", input.fileName(), FileNames.MAX_INPUT_LENGTH)
        .map(FileNames::sanitise).orElse("");
    var kind = v.requiredText("contentType", input.contentType(), 200).flatMap(type -> {
      var found = AttachmentKind.ofContentType(type);
      v.check(found.isPresent(), "contentType", "one-of", "must be one of " + AttachmentKind.contentTypes());
      return found;
    });
    kind.ifPresent(k -> {
      if (!fileName.isEmpty()) {
        v.check(FileNames.extension(fileName).filter(k::acceptsExtension).isPresent(), "fileName", "extension",
            "must end in " + k.extensions().stream().map(e -> "." + e).toList() + " for " + k.contentType());
      }
    });
    Long size = input.size();
    v.check(size != null, "size", "required", "is required");
    if (size != null) {
      v.check(size >= 1, "size", "too-small", "must be at least 1 byte");
      v.check(size <= PendingUpload.MAX_SIZE, "size", "too-large", "must be at most " + PendingUpload.MAX_SIZE + " bytes (25 MiB)");
    }
    v.throwIfInvalid();

    Ticket ticket = access.visible(caller, ref);
    if (ticket.status() == TicketStatus.CLOSED) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Ticket " + ref + " is closed: attach the file to a follow-up ticket");
    }
    Actor.Person uploader = access.actor(caller);
    Instant now = clock.instant();
    PendingUpload upload = new PendingUpload(UUID.randomUUID().toString(), ref, fileName, kind.orElseThrow(), size,
        uploader.userId(), uploader.name(), now, now.plus(PendingUpload.LIFETIME));
    attachments.announce(upload);
    return new UploadOffer(upload, store.presignUpload(upload, URL_LIFETIME));
  }
}
