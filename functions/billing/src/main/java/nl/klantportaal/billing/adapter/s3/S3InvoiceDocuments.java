package nl.klantportaal.billing.adapter.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.port.InvoiceDocuments;
import nl.klantportaal.billing.domain.invoice.InvoiceTexts;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.core.adapter.aws.S3Access;
import nl.klantportaal.core.shared.domain.Language;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Invoice PDFs in the invoices bucket (template.yaml InvoicesBucket: versioned, Object Lock in
 * compliance mode for 7 years by default, so a stored invoice can be neither changed nor deleted in
 * that time), at {@code <tenant>/<year>/<number>.pdf}. Object Lock refuses a put without an integrity
 * header, and the portal's S3 set-up sends checksums only where the SDK deems them required, so each put
 * carries its Content-MD5. Read through presigned GETs that force a download.
 */
public final class S3InvoiceDocuments implements InvoiceDocuments {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public static S3InvoiceDocuments create(AwsClients clients, Optional<URI> endpoint, String bucket) {
    S3Access s3 = S3Access.of(clients, endpoint);
    return new S3InvoiceDocuments(s3.client(), s3.presigner(), bucket);
  }

  public S3InvoiceDocuments(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  static String key(Invoice invoice) {
    var number = invoice.number().orElseThrow(() -> new IllegalArgumentException("A draft has no document"));
    return invoice.tenant().value() + "/" + number.year() + "/" + number + ".pdf";
  }

  @Override
  public boolean exists(Invoice invoice) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key(invoice)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  @Override
  public void store(Invoice invoice, byte[] pdf) {
    s3.putObject(r -> r.bucket(bucket).key(key(invoice)).contentType("application/pdf").contentMD5(md5(pdf)),
        RequestBody.fromBytes(pdf));
  }

  @Override
  public Link link(Invoice invoice, Language reader, Duration validity) {
    String fileName = InvoiceTexts.fileName(invoice, reader);
    var presigned = presigner.presignGetObject(r -> r.signatureDuration(validity).getObjectRequest(get -> get
        .bucket(bucket).key(key(invoice))
        .responseContentDisposition("attachment; filename=\"" + fileName + "\"")
        .responseContentType("application/pdf")));
    return new Link(presigned.url().toString(), presigned.expiration());
  }

  private static String md5(byte[] content) {
    try {
      return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
