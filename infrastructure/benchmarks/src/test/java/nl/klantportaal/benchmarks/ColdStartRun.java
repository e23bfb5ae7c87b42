package nl.klantportaal.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * One cold start, in the fresh JVM {@link ColdStart} launches with a built artefact on the class
 * path: constructs the handler (Lambda's init), runs one GET request through it (the first
 * invocation sets up Powertools logging and flushes metrics), then logs one line through SLF4J.
 * Prints its timings on stderr as {@code key=millis} pairs (wall time per phase, and the CPU time of
 * all the JVM's threads up to then); stdout carries the function's own output.
 */
public final class ColdStartRun {
  private ColdStartRun() {}

  public static void main(String[] args) throws Exception {
    long launched = Long.parseLong(System.getProperty("bench.launched"));
    long toMain = System.currentTimeMillis() - launched;
    String handlerClass = args[0];
    String routeKey = args[1];

    long start = System.nanoTime();
    @SuppressWarnings("unchecked")
    RequestHandler<APIGatewayV2HTTPEvent, Object> handler = (RequestHandler<APIGatewayV2HTTPEvent, Object>)
        Class.forName(handlerClass).getConstructor().newInstance();
    long constructed = System.nanoTime();
    handler.handleRequest(event(routeKey), new BenchContext());
    long invoked = System.nanoTime();
    LoggerFactory.getLogger("nl.klantportaal.benchmarks").warn("cold start bench: one log line");
    long logged = System.nanoTime();

    // CPU time of every JVM thread so far (the compiler's too): steadier than wall time on a busy machine.
    long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    System.err.printf("RESULT jvm-to-main=%d construct=%d first-request=%d first-log-line=%d init-total=%d cpu=%d%n",
        toMain, ms(start, constructed), ms(constructed, invoked), ms(invoked, logged),
        toMain + ms(start, logged), cpu);
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static APIGatewayV2HTTPEvent event(String routeKey) {
    String[] methodAndPath = routeKey.split(" ", 2);
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(methodAndPath[1])
        .withHeaders(Map.of("accept", "application/json"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId("bench-request")
            .withRouteKey(routeKey)
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(methodAndPath[0]).withPath(methodAndPath[1]).withSourceIp("127.0.0.1").build())
            .build())
        .build();
  }
}
