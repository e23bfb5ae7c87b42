package nl.klantportaal.reports.adapter.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.core.adapter.aws.S3Access;
import nl.klantportaal.reports.port.ReportFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Report PDFs in the reports bucket (template.yaml ReportsBucket): written by the generator, read
 * through presigned GETs that force a download. File names are ASCII by construction
 * ({@code rapportage-2026-11.pdf}), so the Content-Disposition needs no encoding.
 */
public final class S3ReportFiles implements ReportFiles {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  /** With the portal's S3 set-up ({@link S3Access}). */
  public static S3ReportFiles create(AwsClients clients, Optional<URI> endpoint, String bucket) {
    S3Access s3 = S3Access.of(clients, endpoint);
    return new S3ReportFiles(s3.client(), s3.presigner(), bucket);
  }

  public S3ReportFiles(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public void put(String key, byte[] pdf) {
    s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf"), RequestBody.fromBytes(pdf));
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(key));
  }

  @Override
  public Optional<byte[]> read(String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public Download presignDownload(String key, String fileName, Duration validFor) {
    if (!fileName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("Report file names are plain ASCII: " + fileName);
    }
    var presigned = presigner.presignGetObject(r -> r.signatureDuration(validFor).getObjectRequest(get -> get
        .bucket(bucket).key(key)
        .responseContentDisposition("attachment; filename=\"" + fileName + "\"")
        .responseContentType("application/pdf")));
    try {
      return new Download(presigned.url().toURI(), presigned.expiration());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The SDK presigned an invalid URL", e);
    }
  }
}
