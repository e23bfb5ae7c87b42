package nl.klantportaal.local;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * s3proxy inside this JVM with a file store in the state folder, on 127.0.0.1. Like the template's
 * AttachmentsBucket CORS rule, it lets the portal's origin (the local gateway) PUT and GET with
 * presigned URLs, so a browser can upload attachments straight to it.
 */
public final class LocalS3 implements AutoCloseable {

  private final S3Proxy proxy;
  private final URI endpoint;

  private LocalS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  public static LocalS3 start(StateFolder state, int port, URI portalOrigin) {
    URI endpoint = URI.create("http://" + Ports.HOST + ":" + port);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new FilesystemNio2BlobStore(state.s3().toString()))
        .endpoint(endpoint)
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, AwsClients.ACCESS_KEY, AwsClients.SECRET_KEY)
        .corsRules(new CrossOriginResourceSharing(List.of(portalOrigin.toString()), List.of("GET", "PUT", "HEAD"),
            List.of("content-type"), List.of("etag"), "false"))
        .stopTimeout(0)
        .build();
    try {
      proxy.start();
    } catch (Exception e) {
      throw new StartFailure("s3proxy did not start on port " + port + ": " + e.getMessage(), e);
    }
    return new LocalS3(proxy, endpoint);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }
}
