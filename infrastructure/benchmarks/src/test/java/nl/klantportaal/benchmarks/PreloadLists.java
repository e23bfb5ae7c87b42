package nl.klantportaal.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.testing.Lambda;

/**
 * Writes each benchmarked handler's class list ({@code ClassPreload}, core): the classes a cold run of
 * each of its subjects loaded from its artefact, and from the JDK once the handler was loaded, in the
 * order they were first loaded; hidden classes (lambdas, method handles) and the runtime's own jars
 * left out. A handler none of whose runs answered 2xx gets no list (it would hold the error path only). The lists go into the handler's module ({@code src/main/resources/META-INF/klantportaal/preload/})
 * and are in its artefact from the next build: {@code -Dbench.writePreloadLists=true} (README, "Benchmarks").
 */
final class PreloadLists {
  private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source: (.+)$");

  private PreloadLists() {}

  static void write(List<LambdaBenchmark.Subject> functions, Launcher launcher) throws IOException, InterruptedException {
    Map<String, Set<String>> lists = new LinkedHashMap<>();
    Map<String, Path> modules = new LinkedHashMap<>();
    Map<String, List<String>> subjects = new LinkedHashMap<>();
    Set<String> answered = new LinkedHashSet<>();
    for (LambdaBenchmark.Subject subject : functions) {
      Path artefact = subject.artefact().orElseThrow();
      Launcher.ClassLoadLog log = launcher.classLoadLog(subject);
      System.out.printf("%s: %d%n", subject.name(), log.status());
      if (log.status() / 100 == 2) {
        answered.add(subject.handler());
      }
      lists.computeIfAbsent(subject.handler(), h -> new LinkedHashSet<>())
          .addAll(classes(log.lines(), subject.handler(), log.task().toUri().toURL().toString()));
      modules.put(subject.handler(), artefact.toAbsolutePath().getParent().getParent());
      subjects.computeIfAbsent(subject.handler(), h -> new ArrayList<>()).add(subject.name());
    }
    for (Map.Entry<String, Set<String>> list : lists.entrySet()) {
      Path file = modules.get(list.getKey()).resolve("src/main/resources/META-INF/klantportaal/preload/" + list.getKey() + ".txt");
      if (!answered.contains(list.getKey())) {
        // a list from refusals only would hold the error path, not what the function's requests load
        Files.deleteIfExists(file);
        System.out.printf("%s: no list, no run answered 2xx%n", list.getKey());
        continue;
      }
      Files.createDirectories(file.getParent());
      List<String> lines = new ArrayList<>();
      lines.add("# " + list.getKey() + ": the classes cold runs of " + String.join(", ", subjects.get(list.getKey()))
          + " loaded, in order.");
      lines.add("# Written by LambdaBenchmark -Dbench.writePreloadLists=true (README, \"Benchmarks\"); loaded by ClassPreload.");
      lines.addAll(list.getValue());
      Files.write(file, lines, StandardCharsets.UTF_8);
      System.out.printf("%s: %,d classes%n", file, list.getValue().size());
    }
  }

  /**
   * The API functions (an {@code HttpApi} event) whose handler none of {@code measured} runs: each with its
   * GET samples (events/&lt;module&gt;/&lt;function&gt;/), answered with any status but a 5xx. A function without
   * a GET sample gets no list.
   */
  static List<LambdaBenchmark.Subject> otherApiFunctions(SamTemplate template, Path root, List<LambdaBenchmark.Subject> measured)
      throws IOException {
    Set<String> covered = new LinkedHashSet<>(measured.stream().map(LambdaBenchmark.Subject::handler).toList());
    List<LambdaBenchmark.Subject> more = new ArrayList<>();
    for (SamTemplate.Resource function : template.resourcesOfType(SamTemplate.FUNCTION)) {
      String handler = String.valueOf(template.functionProperties(function).get("Handler")).split("::")[0];
      if (template.events(function, "HttpApi").isEmpty() || !covered.add(handler)) {
        continue;
      }
      Path folder = Lambda.eventsFolder(handler);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path sample : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          if (Files.readString(sample).contains("\"routeKey\": \"GET ")) {
            more.add(LambdaBenchmark.function(template, root, function.logicalId() + " " + sample.getFileName(),
                function.logicalId(), sample.toString(), 0));
          }
        }
      }
    }
    return more;
  }

  /**
   * From a {@code -Xlog:class+load} log: what the artefact gave (from its task directory, {@code task} as the log names
   * it), and what the JDK gave from the handler's loading on, marked {@code ?} (ClassPreload loads those if Lambda's JDK has them: the lists are written on the build's JDK).
   */
  static List<String> classes(List<String> log, String handler, String task) {
    List<String> names = new ArrayList<>();
    boolean handlerLoaded = false;
    for (String line : log) {
      Matcher m = LOADED.matcher(line);
      if (!m.find() || m.group(1).contains("/")) {
        continue; // not a class load, or a hidden class the JVM spins
      }
      String name = m.group(1);
      String source = m.group(2).trim();
      handlerLoaded |= name.equals(handler);
      boolean fromArtefact = source.startsWith(task);
      if (fromArtefact) {
        names.add(name);
      } else if (handlerLoaded && source.startsWith("jrt:/")) {
        names.add("?" + name);
      }
    }
    if (!handlerLoaded) {
      throw new IllegalStateException(handler + " is not in the class-loading log");
    }
    return names;
  }
}
