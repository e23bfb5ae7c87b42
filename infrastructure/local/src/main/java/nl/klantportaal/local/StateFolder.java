package nl.klantportaal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The git-ignored folder that holds everything the local cloud keeps between runs: DynamoDB files,
 * the S3 store, cognito-local's database (plaintext passwords!), the cursor key, PIDs of child
 * processes, dead-lettered stream records and logs of the child processes.
 */
public record StateFolder(Path root) {

  public static StateFolder open(Path root, boolean fresh) {
    StateFolder state = new StateFolder(root.toAbsolutePath());
    if (fresh) {
      state.wipeKeepingPids();
    }
    try {
      Files.createDirectories(state.pids());
      Files.createDirectories(state.dynamodb());
      Files.createDirectories(state.s3());
      Files.createDirectories(state.cognito());
      Files.createDirectories(state.logs());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the local state folder " + root, e);
    }
    return state;
  }

  public Path pids() {
    return root.resolve("pids");
  }

  public Path dynamodb() {
    return root.resolve("dynamodb");
  }

  public Path s3() {
    return root.resolve("s3");
  }

  public Path cognito() {
    return root.resolve("cognito");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path nativeLibs() {
    return root.resolve("native-libs");
  }

  public Path deadLetters() {
    return root.resolve("dead-letters");
  }

  public Path streamCheckpoints() {
    return root.resolve("stream-checkpoints.properties");
  }

  public Path names() {
    return root.resolve("names.properties");
  }

  /** A base64 32-byte HMAC key for pagination cursors, generated once and kept. */
  public String cursorKey() {
    Path file = root.resolve("cursor-key");
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file, e);
    }
  }

  /** --fresh: removes all state except the PID files, which still name leftovers to stop. */
  private void wipeKeepingPids() {
    if (!Files.isDirectory(root)) {
      return;
    }
    ChildProcesses.stopLeftovers(pids());
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        if (!child.equals(pids())) {
          delete(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot wipe " + root, e);
    }
  }

  static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
