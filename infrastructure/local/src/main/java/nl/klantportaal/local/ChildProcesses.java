package nl.klantportaal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Child processes of the local cloud (the npm emulators). Each PID is written to the state folder
 * when started and removed when stopped, so that the next start can stop leftovers of a killed run.
 */
public final class ChildProcesses implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Path pidDir;
  private final Path logDir;
  private final List<Running> running = new CopyOnWriteArrayList<>();

  /** Safety net: children still running when the JVM exits (a cloud that was never closed) are stopped too. */
  private static final List<Process> ALL = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }), "child-processes-exit"));
  }

  public record Running(String name, Process process, Path pidFile) {
    public long pid() {
      return process.pid();
    }
  }

  public ChildProcesses(StateFolder state) {
    this.pidDir = state.pids();
    this.logDir = state.logs();
  }

  /** Starts a process, records its PID and waits until it accepts connections on the port. */
  public Running start(String name, List<String> command, Path workDir, Map<String, String> env, int port) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new StartFailure("Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
    Path pidFile = pidDir.resolve(name + ".pid");
    try {
      Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      stop(process);
      throw new UncheckedIOException("Cannot record the PID of " + name, e);
    }
    Running child = new Running(name, process, pidFile);
    running.add(child);
    ALL.add(process);
    awaitPort(child, port);
    return child;
  }

  /** Stops the one child of that name and forgets it (a test stopping an emulator to see a fault). */
  public void stop(String name) {
    for (Running child : List.copyOf(running)) {
      if (child.name().equals(name)) {
        stop(child.process());
        try {
          Files.deleteIfExists(child.pidFile());
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot remove " + child.pidFile(), e);
        }
        running.remove(child);
        ALL.remove(child.process());
      }
    }
  }

  public List<Running> running() {
    return List.copyOf(running);
  }

  private void awaitPort(Running child, int port) {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!child.process().isAlive()) {
        throw new StartFailure(child.name() + " exited with code " + child.process().exitValue()
            + " before it was ready; see " + logDir.resolve(child.name() + ".log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(Ports.HOST, port), 200);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    throw new StartFailure(child.name() + " did not listen on port " + port + " within " + READY_TIMEOUT.toSeconds()
        + " s; see " + logDir.resolve(child.name() + ".log"));
  }

  @Override
  public void close() {
    for (Running child : List.copyOf(running).reversed()) {
      stop(child.process());
      try {
        Files.deleteIfExists(child.pidFile());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove " + child.pidFile(), e);
      }
      running.remove(child);
      ALL.remove(child.process());
    }
  }

  /** Stops processes named by PID files of an earlier run that did not shut down. */
  public static void stopLeftovers(Path pidDir) {
    if (!Files.isDirectory(pidDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(pidDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        long pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent() && isNode(handle.get())) {
          System.out.println("Stopping leftover " + file.getFileName().toString().replace(".pid", "") + " (PID " + pid + ")");
          stop(handle.get());
        }
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read PID files in " + pidDir, e);
    }
  }

  private static boolean isNode(ProcessHandle handle) {
    return handle.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("node")).orElse(false);
  }

  private static void stop(Process process) {
    stop(process.toHandle());
  }

  /** Stops a process tree: children first, politely, then forcibly after a grace period. */
  static void stop(ProcessHandle root) {
    List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        handle.destroyForcibly();
        handle.onExit().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Waiting for PID " + handle.pid() + " failed", e);
      }
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }
}
