package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.LocalS3;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Runs every function from its built artefact alone, as Lambda would: a class loader over the
 * CodeUri jar and nothing of the build's class path (its parent is the JDK's platform loader). Each
 * handler is built through its environment constructor against DynamoDB Local; each API function
 * then answers one of its sample GET events from events/ (decoded by the Java runtime's event serializers)
 * with a real status, never 500, and writes its JSON log line. This catches what ArtefactsTest's
 * static reading cannot: classes and services the artefact finds only at run time (the SLF4J
 * provider, Powertools' LoggingManager, the SDK's HTTP client, interceptors).
 *
 * <p>Every function then runs its SnapStart priming from the artefact and must write nothing: API
 * functions every route ({@code primeEveryRoute}), the others (stream, schedule, SES, SNS, Cognito
 * triggers) their {@code prime()}, against DynamoDB Local, s3proxy and an SES and Cognito endpoint that
 * records every request it gets.
 */
class ArtefactSmokeTest {
  private static final SamTemplate TEMPLATE = SamTemplate.project();
  /**
   * The priming steps that end in a failure by design, and the failure: the sign-in of a user who
   * does not exist is refused; the raw mail of a message that does not exist is not in the bucket.
   */
  private static final Map<String, String> EXPECTED_FAILURES = Map.of(
      "PreTokenGenerationFunction", "SignInRefusedException",
      "InboundMailFunction", "NoSuchKey");

  @TestFactory
  Stream<DynamicTest> everyFunctionStartsAndAnswersFromItsArtefactAlone() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    env.put("AWS_EMF_ENVIRONMENT", "Lambda");
    env.put("POWERTOOLS_SERVICE_NAME", "artefact-smoke");
    LocalS3 s3 = LocalS3.shared();
    String bucket = s3.createBucket();
    try (var client = s3.client()) {
      client.putObject(r -> r.bucket(bucket).key("inbound/existing"), RequestBody.fromString("x"));
    }
    Map<String, String> triggerEnv = new HashMap<>(env);
    triggerEnv.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
    for (String name : List.of("ATTACHMENTS_BUCKET", "REPORTS_BUCKET", "INBOUND_MAIL_BUCKET", "INVOICES_BUCKET")) {
      triggerEnv.put(name, bucket);
    }
    triggerEnv.put("AWS_ENDPOINT_URL_SES", RECORDER.url());
    triggerEnv.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", RECORDER.url());
    return TEMPLATE.resourcesOfType(SamTemplate.FUNCTION).stream().map(function -> DynamicTest.dynamicTest(function.logicalId(),
        () -> {
          Map<String, Object> properties = TEMPLATE.functionProperties(function);
          String handlerName = Yamls.string(properties.get("Handler"));
          handlerName = handlerName.substring(0, handlerName.indexOf("::"));
          Path jar = SamTemplate.projectRoot().resolve(Yamls.string(properties.get("CodeUri")));
          try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
              Class<?> type = Class.forName(handlerName, true, loader);
              assertEquals(loader, type.getClassLoader(), "the handler comes from its artefact");
              boolean api = loader.loadClass("nl.klantportaal.core.api.HttpApiHandler").isAssignableFrom(type);
              Object handler = type.getConstructor(Map.class).newInstance(api ? env : triggerEnv);
              Optional<Path> sample = getSample(handlerName);
              if (sample.isPresent()) {
                answer(loader, handler, sample.get(), function.logicalId());
              }
              if (api) {
                primeEveryRoute(handler, function.logicalId(), dynamoDb, env.get("TABLE_NAME"));
              } else {
                prime(handler, function.logicalId(), dynamoDb, env.get("TABLE_NAME"), s3, bucket);
              }
            } finally {
              thread.setContextClassLoader(previous);
            }
          }
        }));
  }

  /** A GET sample of the function (events/<module>/<function>/), if it has HTTP routes. */
  private static Optional<Path> getSample(String handlerName) throws IOException {
    Path folder = Lambda.eventsFolder(handlerName);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<Path> gets = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> {
        try {
          if (Files.readString(p).contains("\"routeKey\": \"GET ")) {
            gets.add(p);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return gets.stream().findFirst();
  }

  /**
   * What SnapStart runs before its snapshot (HttpApiHandler.primeEveryRoute), from the artefact: every
   * route once through the whole request path, none answering 5xx, and nothing written to the table.
   */
  private static void primeEveryRoute(Object handler, String function, LocalDynamoDb dynamoDb, String table) throws Exception {
    long before = itemCount(dynamoDb, table);
    PrintStream out = System.out;
    Map<?, ?> statuses;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      statuses = (Map<?, ?>) handler.getClass().getMethod("primeEveryRoute").invoke(handler);
    } finally {
      System.setOut(out);
    }
    assertFalse(statuses.isEmpty(), function + " primed no route");
    assertTrue(statuses.values().stream().allMatch(status -> (Integer) status < 500), function + " priming: " + statuses);
    assertEquals(before, itemCount(dynamoDb, table), function + "'s priming wrote to the table: " + statuses);
  }

  /**
   * What SnapStart runs before the snapshot of a function that is no HTTP API ({@code prime()}), from
   * the artefact: each step answers or ends in the failure it is designed to end in, and nothing is
   * written to the table or the bucket, and no request reaches SES or Cognito.
   */
  private static void prime(Object handler, String function, LocalDynamoDb dynamoDb, String table, LocalS3 s3, String bucket)
      throws Exception {
    long before = itemCount(dynamoDb, table);
    List<String> objectsBefore = objects(s3, bucket);
    int requestsBefore = RECORDER.requests.size();
    Method prime;
    try {
      prime = handler.getClass().getMethod("prime");
    } catch (NoSuchMethodException e) {
      throw new AssertionError(function + " is no HTTP API function and has no prime(): SnapStart would snapshot it unprimed", e);
    }
    PrintStream out = System.out;
    Map<?, ?> outcomes;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      outcomes = (Map<?, ?>) prime.invoke(handler);
    } finally {
      System.setOut(out);
    }
    System.out.println(function + " primed: " + outcomes);
    assertFalse(outcomes.isEmpty(), function + " primed nothing");
    Optional<String> expected = Optional.ofNullable(EXPECTED_FAILURES.get(function));
    for (Map.Entry<?, ?> step : outcomes.entrySet()) {
      String outcome = String.valueOf(step.getValue());
      if (!outcome.equals("answered")) {
        assertTrue(expected.isPresent() && outcome.contains(expected.get()),
            function + "'s priming step '" + step.getKey() + "' failed: " + outcome);
      }
    }
    expected.ifPresent(failure -> assertTrue(outcomes.values().stream().anyMatch(o -> String.valueOf(o).contains(failure)),
        function + "'s priming should end in " + failure + ": " + outcomes));
    assertEquals(before, itemCount(dynamoDb, table), function + "'s priming wrote to the table: " + outcomes);
    assertEquals(objectsBefore, objects(s3, bucket), function + "'s priming changed the bucket: " + outcomes);
    assertEquals(List.of(), RECORDER.requests.subList(requestsBefore, RECORDER.requests.size()),
        function + "'s priming called SES or Cognito: " + outcomes);
  }

  private static List<String> objects(LocalS3 s3, String bucket) {
    try (var client = s3.client()) {
      return client.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(o -> o.key() + " " + o.eTag()).toList();
    }
  }

  /** A stand-in for SES and Cognito that answers every request with 500 and remembers it: priming must send none. */
  private static final Recorder RECORDER = new Recorder();

  private static final class Recorder {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    Recorder() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
            + exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }

  private static long itemCount(LocalDynamoDb dynamoDb, String table) {
    try (var client = dynamoDb.client()) {
      return client.describeTable(r -> r.tableName(table)).table().itemCount();
    }
  }

  /** The sample through the handler, with the event and its answer as the artefact's own classes. */
  private static void answer(ClassLoader loader, Object handler, Path sample, String function) throws Exception {
    Class<?> eventType = loader.loadClass("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
    // As the Java runtime decodes it: its own event serializers, into the artefact's event class.
    Object event = com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
        .serializerFor(eventType, ArtefactSmokeTest.class.getClassLoader()).fromJson(Files.readString(sample));
    Class<?> contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
    Method handle = handler.getClass().getMethod("handleRequest", Object.class, contextType);
    Object context = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (proxy, method, args) ->
        switch (method.getName()) {
          case "getFunctionName" -> function;
          case "getAwsRequestId" -> "artefact-smoke";
          case "getInvokedFunctionArn" -> "arn:aws:lambda:eu-west-1:000000000000:function:" + function;
          case "getFunctionVersion" -> "$LATEST";
          case "getMemoryLimitInMB" -> 1024;
          case "getRemainingTimeInMillis" -> 30_000;
          case "getLogger" -> null;
          case "toString" -> "context of " + function;
          case "hashCode" -> 0;
          case "equals" -> proxy == args[0];
          default -> null;
        });
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Object response;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      response = handle.invoke(handler, event, context);
    } finally {
      System.setOut(out);
    }
    int status = (Integer) response.getClass().getMethod("getStatusCode").invoke(response);
    String body = String.valueOf(response.getClass().getMethod("getBody").invoke(response));
    assertNotEquals(500, status, function + " answered " + sample.getFileName() + " with 500: " + body);
    assertTrue(status >= 200 && status < 500, function + ": " + status + " " + body);
    String logs = captured.toString(StandardCharsets.UTF_8);
    out.print(logs);
    assertTrue(logs.lines().anyMatch(line -> line.startsWith("{\"level\":")),
        function + " wrote no JSON log line from its artefact: " + logs);
  }
}
