package nl.klantportaal.local;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * s3proxy inside this JVM with a file store in the state folder, on 127.0.0.1. Like the template's
 * AttachmentsBucket CORS rule, it lets the portal's origin (the local gateway) PUT and GET with
 * presigned URLs, so a browser can upload attachments straight to it. Its blob store passes every
 * object call through the local cloud's {@link Faults} switch, so a test can make S3 answer 5xx.
 */
public final class LocalS3 implements AutoCloseable {

  private final S3Proxy proxy;
  private final URI endpoint;

  private LocalS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  public static LocalS3 start(StateFolder state, int port, URI portalOrigin, Faults faults) {
    URI endpoint = URI.create("http://" + Ports.HOST + ":" + port);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(withFaults(new FilesystemNio2BlobStore(state.s3().toString()), faults))
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

  /**
   * The blob store with the switch before each object call: an armed fault throws the S3 error of its
   * status, which s3proxy answers as S3 would (status and error code in XML).
   */
  private static BlobStore withFaults(BlobStore store, Faults faults) {
    InvocationHandler handler = (self, method, args) -> {
      Optional<Integer> status = Faults.s3Operation(method.getName()).flatMap(op -> faults.strike(Faults.Service.S3, op));
      if (status.isPresent()) {
        throw S3Exceptions.fromStatusCode(status.get());
      }
      try {
        return method.invoke(store, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class}, handler);
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
