package nl.klantportaal.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cold start of a function from its built artefact, measured on demand (README, "Benchmarks"): launches
 * a fresh JVM per run with the artefact and {@link ColdStartRun} on the class path and the flags the
 * template gives the functions (C1 only) plus the serial collector, one warm-up run first (file cache),
 * then prints each run and the median of every phase. Only the JDK is used here, so the artefact is
 * the only copy of the function's classes the child sees.
 *
 * <pre>
 * java -cp infrastructure/benchmarks/target/test-classes nl.klantportaal.benchmarks.ColdStart \
 *     functions/platform/target/platform-lambda.jar nl.klantportaal.platform.handler.HealthHandler "GET /health" 15
 * </pre>
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    String handler = args[1];
    String routeKey = args[2];
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    String benchClasses = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String java = ProcessHandle.current().info().command().orElse("java");

    System.out.printf("%s (%.2f MiB), %s %s, %d runs after one warm-up%n", jar, Files.size(jar) / 1048576.0,
        handler, routeKey, runs);
    Map<String, List<Long>> phases = new LinkedHashMap<>();
    for (int run = 0; run <= runs; run++) {
      Map<String, Long> result = once(java, jar, benchClasses, handler, routeKey);
      if (run == 0) {
        continue;
      }
      System.out.println("  " + result);
      result.forEach((phase, millis) -> phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(millis));
    }
    StringBuilder medians = new StringBuilder("median:");
    phases.forEach((phase, values) -> medians.append(' ').append(phase).append('=').append(median(values)).append(" ms"));
    System.out.println(medians);
  }

  private static Map<String, Long> once(String java, Path jar, String benchClasses, String handler, String routeKey)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("cold-start", ".out");
    Path err = Files.createTempFile("cold-start", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC", "-Dbench.launched=" + System.currentTimeMillis(),
          "-cp", jar + File.pathSeparator + benchClasses, ColdStartRun.class.getName(), handler, routeKey)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      Map<String, String> env = builder.environment();
      env.remove("JAVA_TOOL_OPTIONS");
      env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
      env.put("AWS_REGION", "eu-west-1");
      env.put("STAGE", "bench");
      env.put("POWERTOOLS_SERVICE_NAME", "bench");
      env.put("POWERTOOLS_METRICS_NAMESPACE", "Klantportaal");
      env.put("POWERTOOLS_LOG_LEVEL", "INFO");
      env.put("POWERTOOLS_LOGGER_SAMPLE_RATE", "0");
      long started = System.nanoTime();
      int exit = builder.start().waitFor();
      long process = (System.nanoTime() - started) / 1_000_000;
      String stderr = Files.readString(err);
      if (exit != 0) {
        throw new IllegalStateException("run failed (exit " + exit + "):\n" + stderr + Files.readString(out));
      }
      boolean logged = Files.readAllLines(out).stream()
          .anyMatch(line -> line.startsWith("{") && line.contains("\"message\":\"cold start bench: one log line\""));
      if (!logged) {
        throw new IllegalStateException("the run wrote no JSON log line on stdout:\n" + Files.readString(out) + stderr);
      }
      Map<String, Long> result = new LinkedHashMap<>();
      String line = resultLine(stderr).orElseThrow(() -> new IllegalStateException("no RESULT line:\n" + stderr));
      for (String pair : line.substring("RESULT ".length()).trim().split(" ")) {
        String[] kv = pair.split("=");
        result.put(kv[0], Long.parseLong(kv[1]));
      }
      result.put("process", process);
      return result;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Optional<String> resultLine(String stderr) {
    return stderr.lines().filter(line -> line.startsWith("RESULT ")).findFirst();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
