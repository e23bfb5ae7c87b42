package nl.klantportaal.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local inside this JVM, persisted in the state folder, listening on 127.0.0.1 only. */
public final class LocalDynamoDb implements AutoCloseable {

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static LocalDynamoDb start(StateFolder state, int port) {
    System.setProperty("sqlite4java.library.path", nativeLibraries(state.nativeLibs()).toString());
    try {
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
          "-dbPath", state.dynamodb().toString(), "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
      bindToLoopback(server);
      server.start();
      return new LocalDynamoDb(server, URI.create("http://" + Ports.HOST + ":" + port));
    } catch (Exception e) {
      throw new StartFailure("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * DynamoDB Local has no host option and listens on every interface; its Jetty server is a private
   * field, so the connector is pointed at 127.0.0.1 before start.
   */
  private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) {
      ((ServerConnector) connector).setHost(Ports.HOST);
    }
  }

  /** Copies sqlite4java's native library from the class path into a folder sqlite4java can load it from. */
  private static Path nativeLibraries(Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> natives = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(Path::of)
          .filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith("libsqlite4java"))
          .toList();
      for (Path lib : natives) {
        Path target = dir.resolve(lib.getFileName());
        if (!Files.exists(target)) {
          Files.copy(lib, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare sqlite4java natives in " + dir, e);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }
}
