package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.klantportaal.template.SamTemplate;

/**
 * Runs one of the portal's node scripts (portal/e2e) from the project root, with stdin closed and its
 * output in a file: never this JVM's stdin or stdout, which carry Surefire's channel. Its output is
 * the failure message when it fails or runs past its time.
 */
final class NodeScript {
  private NodeScript() {}

  /** Runs {@code script} (relative to the project root) with {@code arguments}; answers its output when it exits 0. */
  static String run(String script, List<String> arguments, Path output, long timeoutSeconds) throws IOException, InterruptedException {
    Path root = SamTemplate.projectRoot();
    List<String> command = new ArrayList<>(List.of("node", root.resolve(script).toString()));
    command.addAll(arguments);
    Process node = new ProcessBuilder(command)
        .directory(root.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(script + " did not finish within " + timeoutSeconds + " s:\n" + read(output));
    }
    String log = read(output);
    assertEquals(0, node.exitValue(), () -> script + " failed:\n" + log);
    return log;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
