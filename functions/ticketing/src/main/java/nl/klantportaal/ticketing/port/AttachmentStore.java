package nl.klantportaal.ticketing.port;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;

/**
 * Where attachment bytes live: a quarantine area the client uploads into with a presigned URL,
 * and the attachments area files move to once checked. A file that arrives whole (a mail's
 * attachment) is checked before it is stored and goes straight to the attachments area. Object
 * keys are the store's business.
 */
public interface AttachmentStore {

  /** A presigned PUT into quarantine for exactly the declared size and content type. */
  PresignedRequest presignUpload(PendingUpload upload, Duration validFor);

  /** Size of the uploaded object in quarantine, or empty when nothing was uploaded (yet). */
  Optional<Long> quarantinedSize(PendingUpload upload);

  /** The first {@code bytes} bytes (or fewer, if the object is smaller) of the quarantined object. */
  byte[] quarantinedHead(PendingUpload upload, int bytes);

  /** Copies the quarantined object to its attachment place with its checked content type. */
  void release(PendingUpload upload);

  /**
   * Writes a file that was checked whole ({@code AttachmentCheck}: it never was in quarantine) to the
   * attachment's place, with its checked content type and download name. Writing the same attachment
   * again (a retried delivery) replaces the object with the same bytes.
   */
  void storeChecked(TicketAttachment attachment, byte[] content);

  /** Removes the quarantined object; nothing to remove is fine. */
  void discard(PendingUpload upload);

  /** Removes an attachment's bytes; nothing to remove is fine (a repeated delete). */
  void delete(TicketAttachment attachment);

  /** A presigned GET that makes the browser save the file under its name, with its stored content type. */
  PresignedRequest presignDownload(TicketAttachment attachment, Duration validFor);

  /** What the client must send: method, URL, the headers the signature covers, and until when. */
  record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {
    public PresignedRequest {
      headers = Map.copyOf(headers);
    }
  }
}
