package nl.klantportaal.tickets.adapter.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.core.adapter.aws.S3Access;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.port.AttachmentStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Attachments in one bucket (template.yaml AttachmentsBucket): presigned PUTs into quarantine with
 * the content type and length inside the signature, HeadObject and a ranged GetObject to check an
 * upload, CopyObject out of quarantine, a PutObject straight into attachments/ for a file checked
 * whole (a mail's attachment), presigned GETs that force a download.
 */
public final class S3AttachmentStore implements AttachmentStore {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  /** With the portal's S3 set-up ({@link S3Access}). */
  public static S3AttachmentStore create(AwsClients clients, Optional<URI> endpoint, String bucket) {
    S3Access s3 = S3Access.of(clients, endpoint);
    return new S3AttachmentStore(s3.client(), s3.presigner(), bucket);
  }

  public S3AttachmentStore(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public AttachmentStore.PresignedRequest presignUpload(PendingUpload upload, Duration validFor) {
    var presigned = presigner.presignPutObject(r -> r.signatureDuration(validFor).putObjectRequest(put -> put
        .bucket(bucket)
        .key(ObjectKeys.quarantine(upload.ticket(), upload.id()))
        .contentType(upload.kind().contentType())
        .contentLength(upload.size())));
    return view(presigned);
  }

  @Override
  public Optional<Long> quarantinedSize(PendingUpload upload) {
    try {
      return Optional.of(s3.headObject(r -> r.bucket(bucket).key(ObjectKeys.quarantine(upload.ticket(), upload.id())))
          .contentLength());
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public byte[] quarantinedHead(PendingUpload upload, int bytes) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(ObjectKeys.quarantine(upload.ticket(), upload.id()))
        .range("bytes=0-" + (bytes - 1))).asByteArray();
  }

  @Override
  public void release(PendingUpload upload) {
    s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(ObjectKeys.quarantine(upload.ticket(), upload.id()))
        .destinationBucket(bucket).destinationKey(ObjectKeys.attachment(upload.ticket(), upload.id()))
        .metadataDirective(MetadataDirective.REPLACE)
        .contentType(upload.kind().contentType())
        .contentDisposition(ContentDisposition.attachment(upload.fileName())));
  }

  @Override
  public void storeChecked(TicketAttachment attachment, byte[] content) {
    String contentType = attachment.kind().contentType();
    // The caller's array as it is (no defensive copy: a mail's file may be 25 MiB); the SDK only reads it.
    s3.putObject(r -> r.bucket(bucket).key(ObjectKeys.attachment(attachment.ticket(), attachment.id()))
            .contentType(contentType)
            .contentDisposition(ContentDisposition.attachment(attachment.fileName())),
        RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(content), content.length, contentType));
  }

  @Override
  public void discard(PendingUpload upload) {
    s3.deleteObject(r -> r.bucket(bucket).key(ObjectKeys.quarantine(upload.ticket(), upload.id())));
  }

  @Override
  public void delete(TicketAttachment attachment) {
    s3.deleteObject(r -> r.bucket(bucket).key(ObjectKeys.attachment(attachment.ticket(), attachment.id())));
  }

  @Override
  public AttachmentStore.PresignedRequest presignDownload(TicketAttachment attachment, Duration validFor) {
    String contentType = attachment.kind().isText()
        ? attachment.kind().contentType() + "; charset=utf-8"
        : attachment.kind().contentType();
    var presigned = presigner.presignGetObject(r -> r.signatureDuration(validFor).getObjectRequest(get -> get
        .bucket(bucket)
        .key(ObjectKeys.attachment(attachment.ticket(), attachment.id()))
        .responseContentDisposition(ContentDisposition.attachment(attachment.fileName()))
        .responseContentType(contentType)));
    return view(presigned);
  }

  /**
   * The signed headers the client must send as they are. Host is the URL's own, and Content-Length
   * (signed too for uploads) is the body's own length, which browsers and HTTP clients set themselves.
   */
  private static AttachmentStore.PresignedRequest view(software.amazon.awssdk.awscore.presigner.PresignedRequest presigned) {
    Map<String, String> headers = new LinkedHashMap<>();
    presigned.signedHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
      }
    });
    try {
      return new AttachmentStore.PresignedRequest(presigned.httpRequest().method().name(), presigned.url().toURI(), headers,
          presigned.expiration());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The SDK presigned an invalid URL", e);
    }
  }
}
