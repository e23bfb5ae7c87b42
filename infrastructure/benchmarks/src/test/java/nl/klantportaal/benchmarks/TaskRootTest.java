package nl.klantportaal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark lays out and loads a function's code as Lambda's Java runtime does. */
class TaskRootTest {
  @TempDir Path dir;

  @Test
  void theRuntimeReadsTheDirectoryThenItsLibJarsInLexicalOrder() throws IOException {
    Path root = Files.createDirectories(dir.resolve("task"));
    Files.createDirectories(root.resolve("lib"));
    for (String name : List.of("b.jar", "a.jar", "notes.txt")) {
      Files.writeString(root.resolve("lib").resolve(name), "");
    }
    assertArrayEquals(new URL[] {root.toUri().toURL(), root.resolve("lib/a.jar").toUri().toURL(),
        root.resolve("lib/b.jar").toUri().toURL()}, TaskRoot.urls(root));
  }

  @Test
  void anArtefactIsUnpackedAsDeployed() throws IOException {
    Path jar = jar("function.jar", Map.of("nl/x/Handler.class", "code", "META-INF/klantportaal/preload/nl.x.Handler.txt", "nl.x.A"));
    Path root = TaskRoot.unpack(jar);
    try {
      assertEquals("code", Files.readString(root.resolve("nl/x/Handler.class")));
      assertEquals("nl.x.A", Files.readString(root.resolve("META-INF/klantportaal/preload/nl.x.Handler.txt")));
    } finally {
      TaskRoot.delete(root);
    }
    assertFalse(Files.exists(root));
  }

  @Test
  void theFloorsPackageJoinsServiceFilesAndKeepsTheFirstOfAnyOtherFile() throws IOException {
    Path classes = dir.resolve("test-classes");
    Files.createDirectories(classes.resolve("nl/klantportaal/benchmarks/floors"));
    Files.writeString(classes.resolve("nl/klantportaal/benchmarks/floors/PutItemFloor.class"), "floor");
    Files.writeString(classes.resolve("nl/klantportaal/benchmarks/LambdaBenchmark.class"), "not deployed");
    Path first = jar("first.jar", Map.of("META-INF/services/x.Service", "a.One", "NOTICE", "first"));
    Path second = jar("second.jar", Map.of("META-INF/services/x.Service", "b.Two", "NOTICE", "second"));
    Path root = TaskRoot.floors(classes, List.of(first, second));
    try {
      assertEquals("floor", Files.readString(root.resolve("nl/klantportaal/benchmarks/floors/PutItemFloor.class")));
      assertFalse(Files.exists(root.resolve("nl/klantportaal/benchmarks/LambdaBenchmark.class")));
      assertEquals(List.of("a.One", "b.Two"), Files.readAllLines(root.resolve("META-INF/services/x.Service")));
      assertEquals("first", Files.readString(root.resolve("NOTICE")));
    } finally {
      TaskRoot.delete(root);
    }
  }

  @Test
  void theChildsOwnClassPathHoldsOnlyTheRuntimesClasses() throws IOException {
    Path classes = dir.resolve("test-classes");
    Path pkg = Files.createDirectories(classes.resolve("nl/klantportaal/benchmarks"));
    for (String name : List.of("LambdaRun.class", "LambdaRun$FunctionLoader.class", "BenchContext.class", "TaskRoot.class",
        "LambdaBenchmark.class")) {
      Files.writeString(pkg.resolve(name), name);
    }
    Files.createDirectories(pkg.resolve("floors"));
    Path runtime = TaskRoot.runtime(classes);
    try (var files = Files.list(runtime.resolve("nl/klantportaal/benchmarks"))) {
      assertEquals(List.of("BenchContext.class", "LambdaRun$FunctionLoader.class", "LambdaRun.class", "TaskRoot.class"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    } finally {
      TaskRoot.delete(runtime);
    }
  }

  @Test
  void anEntryOutsideTheRootIsRefused() throws IOException {
    Path jar = jar("evil.jar", Map.of("../outside.class", "x"));
    IOException refused = assertThrows(IOException.class, () -> TaskRoot.unpack(jar));
    assertTrue(refused.getMessage().contains("outside its root"), refused.getMessage());
    assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("outside.class")));
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
