package nl.klantportaal.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts the benchmark's child JVMs ({@link LambdaRun}) with Lambda's flags, memory and class path. */
final class Launcher {
  private static final int COUNTED = 5;

  private final Map<String, String> env;
  /** Per subject, the bytes one warm invocation sent to DynamoDB and got back, as the proxy counted them. */
  final Map<String, int[]> bytes = new LinkedHashMap<>();
  private final String java = ProcessHandle.current().info().command().orElse("java");
  private final List<String> testClassPath = List.of(System.getProperty("surefire.test.class.path",
      System.getProperty("java.class.path")).split(File.pathSeparator));

  Launcher(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The flags the Java runtime starts a function's JVM with, as we read its start script: C1 only, the
   * serial collector, class data sharing, and heap, metaspace and code cache as 85 %, 10 % and 5 % of the
   * function's memory.
   */
  static List<String> lambdaFlags(int memoryMb) {
    return List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-XX:MaxHeapSize=" + memoryMb * 85 / 100 + "m", "-XX:MaxMetaspaceSize=" + memoryMb / 10 + "m",
        "-XX:ReservedCodeCacheSize=" + memoryMb / 20 + "m");
  }

  /**
   * Extra flags for every child JVM, for looking inside a run, never for the figures: {@code
   * -Dbench.childArgs="-XX:StartFlightRecording=filename=/tmp/bench-%p.jfr,settings=profile"}.
   */
  static List<String> profilingFlags() {
    String flags = System.getProperty("bench.childArgs", "").trim();
    return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
  }

  LambdaBenchmark.Cold cold(LambdaBenchmark.Subject subject) throws IOException, InterruptedException {
    Map<String, Long> r = run(subject, asLambda(subject), 0, 0, List.of());
    return new LambdaBenchmark.Cold(r.get("jvm"), r.get("init"), r.get("first"), r.get("total"));
  }

  /**
   * {p50, p99, the function JVM's CPU time per measured invocation, DynamoDB Local's CPU time per invocation}
   * in microseconds. DynamoDB Local runs in this JVM, which does nothing else while the function's runs:
   * its CPU time over the whole warm run, divided by every invocation of it (the first, the warm-ups and
   * the measured), is what DynamoDB Local spends on one invocation's calls.
   */
  long[] warm(LambdaBenchmark.Subject subject, int warmUps, int measured) throws IOException, InterruptedException {
    long before = LambdaRun.cpuMicros();
    Map<String, Long> r = run(subject, asLambda(subject), warmUps, measured, List.of());
    long dynamoDb = (LambdaRun.cpuMicros() - before) / (1 + warmUps + measured);
    return new long[] {r.get("p50us"), r.get("p99us"), r.get("cpuus"), dynamoDb};
  }

  /**
   * The calls one warm invocation sends to DynamoDB, as sequential rounds (calls that overlap in time are
   * one round): a first-only run and one with five more, compared; the last invocation's calls are kept.
   */
  List<List<String>> callsPerInvocation(LambdaBenchmark.Subject subject, CountingProxy proxy) throws IOException, InterruptedException {
    Map<String, String> proxied = new HashMap<>(env);
    proxied.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
    proxy.reset();
    run(subject, proxied, 0, 0, List.of());
    int first = proxy.calls().size();
    proxy.reset();
    run(subject, proxied, 0, COUNTED, List.of());
    List<CountingProxy.Call> all = proxy.calls().stream().sorted(Comparator.comparingLong(CountingProxy.Call::startNanos))
        .toList();
    int more = all.size() - first;
    if (more % COUNTED != 0) {
      throw new IllegalStateException(subject.name() + ": " + COUNTED + " warm invocations made " + more
          + " calls, not the same number each: " + all.subList(first, all.size()));
    }
    List<List<String>> rounds = new ArrayList<>();
    long roundEnd = Long.MIN_VALUE;
    for (CountingProxy.Call call : all.subList(all.size() - more / COUNTED, all.size())) {
      if (rounds.isEmpty() || call.startNanos() >= roundEnd) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(rounds.size() - 1).add(call.operation());
      roundEnd = Math.max(roundEnd, call.endNanos());
    }
    rounds.forEach(Collections::sort);
    List<CountingProxy.Call> last = all.subList(all.size() - more / COUNTED, all.size());
    bytes.put(subject.name(), new int[] {last.stream().mapToInt(CountingProxy.Call::requestBytes).sum(),
        last.stream().mapToInt(CountingProxy.Call::responseBytes).sum()});
    return rounds;
  }

  /**
   * The environment Lambda gives the function: the benchmark's, and {@code _HANDLER}, which names the
   * handler (and so its class list, {@code ClassPreload}).
   */
  private Map<String, String> asLambda(LambdaBenchmark.Subject subject) {
    Map<String, String> lambda = new HashMap<>(env);
    lambda.put("_HANDLER", subject.handler() + "::handleRequest");
    return lambda;
  }

  /** A class-loading log, and the status the invocation answered. */
  record ClassLoadLog(List<String> lines, int status) {}

  /**
   * One cold invocation with the JVM's class-loading log ({@code -Xlog:class+load}), for the function's
   * class list: without {@code _HANDLER}, so no list of an earlier run is loaded into it.
   */
  ClassLoadLog classLoadLog(LambdaBenchmark.Subject subject) throws IOException, InterruptedException {
    Path log = Files.createTempFile("class-load", ".log");
    try {
      Map<String, Long> result = run(subject, env, 0, 0, List.of("-Xlog:class+load=info:file=" + log));
      return new ClassLoadLog(Files.readAllLines(log), result.get("status").intValue());
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private Map<String, Long> run(LambdaBenchmark.Subject subject, Map<String, String> environment, int warmUps, int measured,
      List<String> extraFlags) throws IOException, InterruptedException {
    Path out = Files.createTempFile("lambda-bench", ".out");
    Path err = Files.createTempFile("lambda-bench", ".err");
    try {
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(lambdaFlags(subject.memoryMb()));
      command.addAll(profilingFlags());
      command.addAll(extraFlags);
      subject.artefact().ifPresent(jar -> command.add("-Dbench.artefact=" + jar));
      command.add("-Dbench.memory=" + subject.memoryMb());
      command.add("-Dbench.launched=" + System.currentTimeMillis());
      command.add("-cp");
      command.add(classPath(subject));
      command.addAll(List.of(LambdaRun.class.getName(), subject.handler(), subject.event(), Integer.toString(subject.status()),
          Integer.toString(warmUps), Integer.toString(measured)));
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      int exit = builder.start().waitFor();
      String stderr = Files.readString(err);
      if (exit != 0) {
        throw new IllegalStateException(subject.name() + " failed (exit " + exit + "):\n" + tail(stderr) + tail(Files.readString(out)));
      }
      String line = stderr.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
          .orElseThrow(() -> new IllegalStateException(subject.name() + ": no RESULT line:\n" + tail(stderr)));
      Map<String, Long> result = new LinkedHashMap<>();
      for (String pair : line.substring("RESULT ".length()).trim().split(" ")) {
        String[] kv = pair.split("=");
        result.put(kv[0], Long.parseLong(kv[1]));
      }
      return result;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * A function: this module's test classes (LambdaRun), the runtime's serializers and aws-lambda-java-core, as
   * the runtime's own class path; its artefact is loaded as Lambda loads it, through a class loader of its own
   * ({@code LambdaRun.FunctionLoader}, {@code -Dbench.artefact}). A floor: the test classes, the SDK's jars,
   * the Lambda interfaces and the serializers, and no logging provider.
   */
  private String classPath(LambdaBenchmark.Subject subject) {
    String benchClasses = testClassPath.stream().filter(p -> p.endsWith("test-classes")).findFirst().orElseThrow();
    // joda-time: the serializers' DateTimeModule loads it for every event type, as in the local cloud
    Stream<String> runtime = testClassPath.stream()
        .filter(p -> p.contains("aws-lambda-java-serialization") || p.contains("/joda-time/"));
    Stream<String> rest = subject.artefact().isPresent() ? testClassPath.stream().filter(p -> p.contains("aws-lambda-java-core"))
        : testClassPath.stream().filter(p -> p.contains("/software/amazon/awssdk/") || p.contains("aws-lambda-java-core")
            || p.contains("aws-lambda-java-events") || p.contains("reactive-streams") || p.contains("/org/slf4j/slf4j-api/"));
    return String.join(File.pathSeparator, Stream.concat(Stream.concat(rest, Stream.of(benchClasses)), runtime).toList());
  }

  private static String tail(String text) {
    return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
  }
}
