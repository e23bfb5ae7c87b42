package nl.klantportaal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local cloud of the real template.yaml with the demo data, for one test class: started before its
 * tests in a state folder of its own, stopped and removed after them. Register it as
 * {@code @RegisterExtension static final DemoCloud DEMO = new DemoCloud();}.
 */
final class DemoCloud implements BeforeAllCallback, AfterAllCallback {
  private final java.util.function.UnaryOperator<Options> options;
  private Path state;
  private LocalCloud cloud;
  private GatewayClient gateway;
  private SignIn signIn;
  private String seeded;

  DemoCloud() {
    this(java.util.function.UnaryOperator.identity());
  }

  /** With options of its own, e.g. {@code new DemoCloud(o -> o.withSso(true))}. */
  DemoCloud(java.util.function.UnaryOperator<Options> options) {
    this.options = options;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    state = Files.createTempDirectory("demo-cloud-");
    cloud = LocalCloud.start(options.apply(TestClouds.realTemplate(state)));
    seeded = DemoData.seed(cloud).orElseThrow();
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cloud != null) {
      cloud.close();
    }
    try (Stream<Path> files = Files.walk(state)) {
      files.sorted(Comparator.reverseOrder()).forEach(DemoCloud::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + state, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + path, e);
    }
  }

  LocalCloud cloud() {
    return cloud;
  }

  GatewayClient gateway() {
    return gateway;
  }

  SignIn signIn() {
    return signIn;
  }

  /** What the demo seeding printed: the accounts, the shared password and each TOTP secret. */
  String seeded() {
    return seeded;
  }
}
