import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the running JDK's {@code java.*} and {@code jdk.unsupported} classes into one jar: ProGuard's
 * library when it shrinks the Lambda artefacts (functions/artefact-shrinking.pro). ProGuard reads the
 * JDK from jmods, and JDKs built without them (Temurin 25, JEP 493) have only the jrt image, which this
 * reads. Run with the source launcher: {@code java scripts/JdkClasses.java <out.jar>}. Does nothing when
 * the jar exists; writes to a temporary file first, so a parallel build never reads half a jar.
 */
public final class JdkClasses {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    if (Files.exists(out)) {
      return;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), "jdk-classes", ".partial");
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    int classes = 0;
    try (OutputStream stream = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(stream)) {
      List<Path> modules;
      try (Stream<Path> listed = Files.list(jrt.getPath("/modules"))) {
        modules = listed.filter(JdkClasses::isLibrary).sorted().toList();
      }
      for (Path module : modules) {
        try (Stream<Path> files = Files.walk(module)) {
          for (Path file : files.filter(JdkClasses::isClass).toList()) {
            zip.putNextEntry(new ZipEntry(module.relativize(file).toString()));
            Files.copy(file, zip);
            zip.closeEntry();
            classes++;
          }
        }
      }
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("JdkClasses: %d classes of Java %s in %s%n", classes, Runtime.version(), out);
  }

  private static boolean isLibrary(Path module) {
    String name = module.getFileName().toString();
    return name.startsWith("java.") || name.equals("jdk.unsupported");
  }

  private static boolean isClass(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".class") && !name.equals("module-info.class");
  }
}
