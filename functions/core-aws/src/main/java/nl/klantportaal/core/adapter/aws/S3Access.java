package nl.klantportaal.core.adapter.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner of the modules that use S3 (attachments, report PDFs, inbound mail),
 * with the url-connection client. Against a local stand-in (an endpoint override) objects are
 * addressed path-style; checksums only where S3 requires them (the stand-in and presigned browser
 * uploads know no flexible checksums). Presigning happens locally (no HTTP client, no call).
 * The s3 dependency is optional here: only the modules that call S3 carry it.
 */
public record S3Access(S3Client client, S3Presigner presigner) {

  public static S3Access of(AwsClients clients, Optional<URI> endpoint) {
    S3Client s3 = clients.client(S3Client.builder()
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .forcePathStyle(endpoint.isPresent()), endpoint);
    var presigner = S3Presigner.builder().region(clients.region()).credentialsProvider(clients.credentials());
    endpoint.ifPresent(e -> presigner.endpointOverride(e)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return new S3Access(s3, presigner.build());
  }
}
