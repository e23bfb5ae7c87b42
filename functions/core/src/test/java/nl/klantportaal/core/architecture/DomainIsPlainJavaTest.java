package nl.klantportaal.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;

/** The domain packages import nothing of AWS, Lambda, Jackson or Powertools (house style 1). */
class DomainIsPlainJavaTest {

  @Test
  void domainPackagesImportNoFrameworks() throws IOException {
    Path sources = SamTemplate.projectRoot().resolve("functions/core/src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(sources)) {
      offenders = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.getParent().getFileName().toString().equals("domain"))
          .flatMap(DomainIsPlainJavaTest::forbiddenImports)
          .toList();
    }
    assertEquals(List.of(), offenders);
  }

  private static Stream<String> forbiddenImports(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith("import "))
          .filter(line -> line.contains("software.amazon") || line.contains("com.amazonaws")
              || line.contains("com.fasterxml") || line.contains("org.slf4j"))
          .map(line -> file.getFileName() + ": " + line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
