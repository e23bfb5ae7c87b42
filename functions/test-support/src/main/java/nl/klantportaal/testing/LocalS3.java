package nl.klantportaal.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3proxy inside the test JVM (in-memory blob store, 127.0.0.1), started once per JVM, checking
 * AWS V2/V4 signatures with the test credentials ({@code local}/{@code local}) — so a tampered or
 * expired presigned URL is refused as S3 would. The module needs {@code org.gaul:s3proxy} and
 * {@code jakarta.servlet-api} on its test class path (optional here).
 */
public final class LocalS3 {
  public static final String ACCESS_KEY = "local";
  public static final String SECRET_KEY = "local";
  private static LocalS3 instance;

  private final URI endpoint;
  private final S3Proxy proxy;

  private LocalS3(URI endpoint, S3Proxy proxy) {
    this.endpoint = endpoint;
    this.proxy = proxy;
  }

  public static synchronized LocalS3 shared() {
    if (instance == null) {
      URI endpoint = URI.create("http://127.0.0.1:" + freePort());
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(new TransientNio2BlobStore())
          .endpoint(endpoint)
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
          .stopTimeout(0)
          .build();
      try {
        proxy.start();
      } catch (Exception e) {
        throw new IllegalStateException("s3proxy did not start on " + endpoint, e);
      }
      instance = new LocalS3(endpoint, proxy);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A path-style client with the test credentials, for arranging and inspecting objects. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.of(LocalDynamoDb.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** A new, empty bucket under a unique name. */
  public String createBucket() {
    String name = "attachments-" + UUID.randomUUID();
    try (S3Client client = client()) {
      client.createBucket(r -> r.bucket(name));
    }
    return name;
  }

  private void stop() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
