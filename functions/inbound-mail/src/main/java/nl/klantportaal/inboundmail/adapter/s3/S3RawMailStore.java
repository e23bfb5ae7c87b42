package nl.klantportaal.inboundmail.adapter.s3;

import java.net.URI;
import java.util.Optional;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.core.adapter.aws.S3Access;
import nl.klantportaal.inboundmail.port.RawMailStore;
import software.amazon.awssdk.services.s3.S3Client;

/** The inbound bucket, where the receipt rule's S3 action put each message's raw MIME. */
public final class S3RawMailStore implements RawMailStore {
  private final S3Client s3;
  private final String bucket;

  public S3RawMailStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** With the portal's S3 set-up ({@link S3Access}). */
  public static S3RawMailStore create(AwsClients clients, Optional<URI> endpoint, String bucket) {
    return new S3RawMailStore(S3Access.of(clients, endpoint).client(), bucket);
  }

  @Override
  public byte[] read(String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
  }
}
