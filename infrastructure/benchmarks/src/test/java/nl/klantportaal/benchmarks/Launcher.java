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
  /** Per artefact (a floor: its handler), the directory it is unpacked into, as Lambda deploys it ({@link TaskRoot}). */
  private final Map<String, Path> taskRoots = new HashMap<>();
  private Path runtime;

  Launcher(Map<String, String> env) {
    this.env = env;
    // the unpacked task directories go when the benchmark's JVM ends
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      taskRoots.values().stream().distinct().forEach(TaskRoot::delete);
      if (runtime != null) {
        TaskRoot.delete(runtime);
      }
    }));
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

  /** A class-loading log, the status the invocation answered, and the directory the function's code was loaded from. */
  record ClassLoadLog(List<String> lines, int status, Path task) {}

  /**
   * One cold invocation with the JVM's class-loading log ({@code -Xlog:class+load}), for the function's
   * class list: without {@code _HANDLER}, so no list of an earlier run is loaded into it.
   */
  ClassLoadLog classLoadLog(LambdaBenchmark.Subject subject) throws IOException, InterruptedException {
    Path log = Files.createTempFile("class-load", ".log");
    try {
      Map<String, Long> result = run(subject, env, 0, 0, List.of("-Xlog:class+load=info:file=" + log));
      return new ClassLoadLog(Files.readAllLines(log), result.get("status").intValue(), taskRoot(subject));
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
      command.add("-Dbench.task=" + taskRoot(subject));
      command.add("-Dbench.memory=" + subject.memoryMb());
      command.add("-Dbench.launched=" + System.currentTimeMillis());
      command.add("-cp");
      command.add(classPath());
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
   * The runtime's own class path, the same for every subject: {@link LambdaRun}, {@link BenchContext} and {@link TaskRoot}, the
   * runtime's serializers and aws-lambda-java-core. A subject's code is loaded from its task directory through a
   * class loader of its own ({@code LambdaRun.FunctionLoader}, {@code -Dbench.task}), as Lambda loads it.
   */
  private String classPath() throws IOException {
    if (runtime == null) {
      runtime = TaskRoot.runtime(testClasses());
    }
    // joda-time: the serializers' DateTimeModule loads it for every event type, as in the local cloud
    Stream<String> serializers = testClassPath.stream()
        .filter(p -> p.contains("aws-lambda-java-serialization") || p.contains("/joda-time/") || p.contains("aws-lambda-java-core"));
    return String.join(File.pathSeparator, Stream.concat(Stream.of(runtime.toString()), serializers).toList());
  }

  /**
   * Where a subject's code lies as Lambda would unpack it: a function's built artefact, unpacked; a floor's
   * package, the floors' classes with the SDK's jars, the Lambda events and no logging provider, unpacked as one.
   */
  private Path taskRoot(LambdaBenchmark.Subject subject) throws IOException {
    String key = subject.artefact().map(Path::toString).orElse("floors");
    Path root = taskRoots.get(key);
    if (root == null) {
      root = subject.artefact().isPresent() ? TaskRoot.unpack(subject.artefact().get())
          : TaskRoot.floors(testClasses(), testClassPath.stream().filter(p -> p.contains("/software/amazon/awssdk/")
              || p.contains("aws-lambda-java-events") || p.contains("reactive-streams") || p.contains("/org/slf4j/slf4j-api/"))
              .map(Path::of).toList());
      taskRoots.put(key, root);
    }
    return root;
  }

  private Path testClasses() {
    return Path.of(testClassPath.stream().filter(p -> p.endsWith("test-classes")).findFirst().orElseThrow());
  }

  private static String tail(String text) {
    return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
  }
}
