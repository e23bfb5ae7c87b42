package nl.klantportaal.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's code as Lambda's Java runtime finds it: the deployment package unpacked into a directory (its
 * {@code /var/task}), which the runtime's {@code CustomerClassLoader} reads as the directory itself and then every
 * {@code lib/*.jar} in it, in lexical order (aws-lambda-java-libs, aws-lambda-java-runtime-interface-client). The
 * benchmark loads functions and floors the same way ({@link LambdaRun.FunctionLoader}), so neither is read from a
 * jar or from the JVM's own class path where Lambda would read it from a directory.
 */
final class TaskRoot {
  private static final String SERVICES = "META-INF/services/";

  private TaskRoot() {}

  /** The URLs the runtime's class loader gets for a task directory: the directory, then its lib/*.jar sorted. */
  static URL[] urls(Path root) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(root.toUri().toURL());
    Path lib = root.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
          urls.add(jar.toUri().toURL());
        }
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** A built artefact (a jar, as the template's CodeUri names it) unpacked into a new directory, as Lambda deploys it. */
  static Path unpack(Path artefact) throws IOException {
    Path root = Files.createTempDirectory("lambda-task-");
    try {
      unpackInto(artefact, root);
    } catch (IOException | RuntimeException e) {
      delete(root);
      throw e;
    }
    return root;
  }

  /**
   * A floor's deployment package: the floors' classes and the jars they run on unpacked into one directory, as a
   * shaded jar of them would be (a service file several jars hold is joined, as the shade plugin's
   * ServicesResourceTransformer joins it; of any other file the first jar's is kept).
   */
  static Path floors(Path testClasses, List<Path> jars) throws IOException {
    Path root = Files.createTempDirectory("lambda-floors-");
    Path floors = testClasses.resolve("nl/klantportaal/benchmarks/floors");
    copyTree(floors, root.resolve("nl/klantportaal/benchmarks/floors"));
    for (Path jar : jars) {
      unpackInto(jar, root);
    }
    return root;
  }

  /**
   * The runtime's own code for the child JVM: {@link LambdaRun}, {@link BenchContext} and this class only, so that nothing a
   * floor needs is found on the JVM's class path before its task directory.
   */
  static Path runtime(Path testClasses) throws IOException {
    Path root = Files.createTempDirectory("lambda-runtime-");
    Path pkg = testClasses.resolve("nl/klantportaal/benchmarks");
    Path target = Files.createDirectories(root.resolve("nl/klantportaal/benchmarks"));
    try (Stream<Path> files = Files.list(pkg)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("LambdaRun") || name.startsWith("BenchContext") || name.startsWith("TaskRoot")) {
          Files.copy(file, target.resolve(name));
        }
      }
    }
    return root;
  }

  /** Deletes a directory this class made, with everything in it. */
  static void delete(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void unpackInto(Path jar, Path root) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException(jar + " holds an entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          if (!Files.exists(target)) {
            Files.copy(in, target);
          } else if (entry.getName().startsWith(SERVICES)) {
            byte[] more = in.readAllBytes();
            Files.write(target, ("\n" + new String(more, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
          }
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
