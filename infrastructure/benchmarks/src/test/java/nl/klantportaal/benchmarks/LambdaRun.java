package nl.klantportaal.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function in the fresh JVM {@link LambdaBenchmark} launches (Lambda's flags, the function's
 * environment, the runtime's event serializers on the class path, and the function's code unpacked in a directory
 * as Lambda deploys it, {@code -Dbench.task}, loaded as Lambda loads it): constructs the
 * handler (init), converts the events/ file as the Java runtime does (aws-lambda-java-serialization)
 * and invokes it once (first invoke), then {@code warm-ups} more times unmeasured and {@code measured}
 * times measured. Every answer's status code must be the expected one (0: any but a 5xx), else the run fails. A header
 * {@code idempotency-key} gets a fresh value per invocation, so every create really creates. Prints
 * {@code RESULT key=value ...} on stderr (milliseconds; warm figures in microseconds, among them the CPU time the
 * JVM used per measured invocation, {@code cpuus}).
 */
public final class LambdaRun {
  private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("(\"idempotency-key\"\\s*:\\s*\")[^\"]*(\")",
      Pattern.CASE_INSENSITIVE);

  private LambdaRun() {}

  public static void main(String[] args) throws Exception {
    long launched = Long.parseLong(System.getProperty("bench.launched"));
    long toMain = System.currentTimeMillis() - launched;
    String handlerClass = args[0];
    String event = Files.readString(Path.of(args[1]));
    int expected = Integer.parseInt(args[2]);
    int warmUps = Integer.parseInt(args[3]);
    int measured = Integer.parseInt(args[4]);

    long start = System.nanoTime();
    ClassLoader loader = new FunctionLoader(TaskRoot.urls(Path.of(System.getProperty("bench.task"))),
        LambdaRun.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>)
        Class.forName(handlerClass, true, loader).getConstructor().newInstance();
    long constructed = System.nanoTime();
    PojoSerializer<Object> in = serializer(Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
        true, loader));
    int status = invoke(handler, in, event, expected);
    long firstDone = System.nanoTime();
    for (int i = 0; i < warmUps; i++) {
      invoke(handler, in, event, expected);
    }
    long[] micros = new long[measured];
    long cpuBefore = cpuMicros();
    for (int i = 0; i < measured; i++) {
      long t = System.nanoTime();
      invoke(handler, in, event, expected);
      micros[i] = (System.nanoTime() - t) / 1_000;
    }
    long cpu = measured == 0 ? -1 : (cpuMicros() - cpuBefore) / measured;
    Arrays.sort(micros);
    long init = ms(start, constructed);
    long first = ms(constructed, firstDone);
    System.err.printf("RESULT jvm=%d init=%d first=%d total=%d status=%d p50us=%d p99us=%d cpuus=%d%n", toMain, init, first,
        toMain + init + first, status, measured == 0 ? -1 : micros[measured / 2],
        measured == 0 ? -1 : micros[Math.min(measured - 1, (int) Math.ceil(measured * 0.99) - 1)], cpu);
  }

  /** One invocation; answers its status code. */
  private static int invoke(RequestHandler<Object, Object> handler, PojoSerializer<Object> in, String event, int expected) {
    String json = IDEMPOTENCY_KEY.matcher(event).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
        + UUID.randomUUID() + m.group(2)));
    Object input = in.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    Object output = handler.handleRequest(input, new BenchContext());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer(output.getClass()).toJson(output, out);
    String answer = out.toString(StandardCharsets.UTF_8);
    Matcher status = STATUS.matcher(answer);
    int code = status.find() ? Integer.parseInt(status.group(1)) : -1;
    // 0: any answer but a server error (a class list's run of a sample whose data the benchmark does not seed)
    if (expected == 0 ? code < 0 || code >= 500 : code != expected) {
      throw new IllegalStateException("expected status " + (expected == 0 ? "below 500" : expected) + ", got: " + answer);
    }
    return code;
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type) {
    return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, type.getClassLoader());
  }

  /**
   * The class loader Lambda's Java runtime loads a function's code through (its {@code CustomerClassLoader}: a
   * {@code URLClassLoader} over the unpacked code, {@link TaskRoot#urls}, under the runtime's own loader, which also
   * holds aws-lambda-java-core).
   * Like it, not parallel capable: every class it loads, it loads under one lock.
   */
  static final class FunctionLoader extends URLClassLoader {
    FunctionLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }
  }

  /** The CPU time this JVM used so far (all its threads, JIT and GC included), in microseconds. */
  static long cpuMicros() {
    return ProcessHandle.current().info().totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("this system reports no process CPU time")).toNanos() / 1_000;
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
