package nl.klantportaal.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** node and npm on the PATH, and the emulators installed from the committed package-lock.json. */
public record NodeTools(Path node, Path npmDir) {

  public static NodeTools find(Path npmDir) {
    Path node = onPath("node").orElseThrow(() -> new StartFailure(
        "node was not found on the PATH. The local cloud runs cognito-local and aws-ses-v2-local with Node.js 20+;"
            + " install Node.js (e.g. apt-get install nodejs npm) and start again."));
    return new NodeTools(node, npmDir);
  }

  /**
   * Runs {@code npm ci} when node_modules is missing (./klantportaal and the start script normally did it
   * already). npm never shares this JVM's stdin or stdout: in a Surefire fork those carry the test channel,
   * and a child writing to them corrupts it. Its output goes to {@code npm-ci.log} beside package.json.
   */
  public void installWhenMissing() {
    if (Files.isDirectory(npmDir.resolve("node_modules/cognito-local"))
        && Files.isDirectory(npmDir.resolve("node_modules/aws-ses-v2-local"))
        && Files.isDirectory(npmDir.resolve("node_modules/oidc-provider"))) {
      return;
    }
    Path npm = onPath("npm").orElseThrow(() -> new StartFailure(
        "npm was not found on the PATH; it installs the emulators pinned in " + npmDir.resolve("package-lock.json")));
    System.out.println("Installing the emulators with npm ci in " + npmDir);
    try {
      Path log = npmDir.resolve("npm-ci.log");
      Process process = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
          .directory(npmDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (process.waitFor() != 0) {
        throw new StartFailure("npm ci failed in " + npmDir + " (exit code " + process.exitValue() + "); see " + log);
      }
    } catch (IOException e) {
      throw new StartFailure("Cannot run npm ci: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartFailure("Interrupted during npm ci", e);
    }
  }

  /** A script of the project's own in the npm folder (beside package.json), run by node. */
  public List<String> script(String script, String... args) {
    return Stream.concat(Stream.of(node.toString(), npmDir.resolve(script).toString()), Stream.of(args)).toList();
  }

  public List<String> command(String packageName, String script, String... args) {
    return Stream.concat(Stream.of(node.toString(), npmDir.resolve("node_modules").resolve(packageName).resolve(script).toString()),
        Stream.of(args)).toList();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
