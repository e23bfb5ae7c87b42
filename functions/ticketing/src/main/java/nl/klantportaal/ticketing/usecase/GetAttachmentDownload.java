package nl.klantportaal.ticketing.usecase;

import java.time.Duration;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.AttachmentRepository;
import nl.klantportaal.ticketing.port.AttachmentStore;

/**
 * A short-lived presigned download of an attachment, for those who may see its ticket (anyone else
 * gets 404). The link makes the browser save the file ({@code Content-Disposition: attachment})
 * with the content type that was checked at confirm.
 */
public final class GetAttachmentDownload {
  public static final Duration URL_LIFETIME = Duration.ofMinutes(5);

  private final TicketAccess access;
  private final AttachmentRepository attachments;
  private final AttachmentStore store;

  public GetAttachmentDownload(TicketAccess access, AttachmentRepository attachments, AttachmentStore store) {
    this.access = access;
    this.attachments = attachments;
    this.store = store;
  }

  public record Download(TicketAttachment attachment, AttachmentStore.PresignedRequest get) {}

  public Download execute(Caller caller, TicketRef ref, String attachmentId) {
    access.visible(caller, ref);
    if (!PendingUpload.isId(attachmentId)) {
      throw new DomainException.NotFound("Attachment " + attachmentId);
    }
    TicketAttachment attachment = attachments.attachment(ref, attachmentId)
        .orElseThrow(() -> new DomainException.NotFound("Attachment " + attachmentId));
    return new Download(attachment, store.presignDownload(attachment, URL_LIFETIME));
  }
}
