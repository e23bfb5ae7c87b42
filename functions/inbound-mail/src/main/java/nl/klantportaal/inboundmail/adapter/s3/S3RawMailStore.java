package nl.klantportaal.inboundmail.adapter.s3;

import java.net.URI;
import java.util.Optional;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.inboundmail.port.RawMailStore;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;

/** The inbound bucket, where the receipt rule's S3 action put each message's raw MIME. */
public final class S3RawMailStore implements RawMailStore {
  private final S3Client s3;
  private final String bucket;

  public S3RawMailStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** With the url-connection client; path-style against a local stand-in. */
  public static S3RawMailStore create(AwsClients clients, Optional<URI> endpoint, String bucket) {
    return new S3RawMailStore(clients.client(S3Client.builder()
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .forcePathStyle(endpoint.isPresent()), endpoint), bucket);
  }

  @Override
  public byte[] read(String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
  }
}
