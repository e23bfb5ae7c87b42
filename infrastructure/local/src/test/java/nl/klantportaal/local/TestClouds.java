package nl.klantportaal.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import nl.klantportaal.template.SamTemplate;

/** Options for a local cloud of the test template on free ports in a given state folder. */
final class TestClouds {

  private TestClouds() {}

  static Options options(Path stateDir) {
    Path root = SamTemplate.projectRoot();
    return Options.forRoot(root)
        .withTemplate(resource("test-template.yaml"))
        .withStateDir(stateDir)
        .withPorts(Ports.anyFree())
        .withPortal(resource("portal"));
  }

  static Path resource(String name) {
    try {
      URI uri = TestClouds.class.getClassLoader().getResource(name).toURI();
      return Path.of(uri);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
