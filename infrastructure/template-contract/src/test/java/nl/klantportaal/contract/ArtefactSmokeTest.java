package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every function from its built artefact alone, as Lambda would: a class loader over the
 * CodeUri jar and nothing of the build's class path (its parent is the JDK's platform loader). Each
 * handler is built through its environment constructor against DynamoDB Local; each API function
 * then answers one of its sample GET events from events/ (decoded by the artefact's own Jackson)
 * with a real status, never 500, and writes its JSON log line. This catches what ArtefactsTest's
 * static reading cannot: classes and services the artefact finds only at run time (the SLF4J
 * provider, Powertools' LoggingManager, the SDK's HTTP client, interceptors).
 */
class ArtefactSmokeTest {
  private static final SamTemplate TEMPLATE = SamTemplate.project();

  @TestFactory
  Stream<DynamicTest> everyFunctionStartsAndAnswersFromItsArtefactAlone() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    env.put("AWS_EMF_ENVIRONMENT", "Lambda");
    env.put("POWERTOOLS_SERVICE_NAME", "artefact-smoke");
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
              Object handler = type.getConstructor(Map.class).newInstance(env);
              Optional<Path> sample = getSample(handlerName);
              if (sample.isPresent()) {
                answer(loader, handler, sample.get(), function.logicalId());
                primeEveryRoute(handler, function.logicalId(), dynamoDb, env.get("TABLE_NAME"));
              }
            } finally {
              thread.setContextClassLoader(previous);
            }
          }
        }));
  }

  /** A GET sample of the function (events/<module>/<function>/), if it has HTTP routes. */
  private static Optional<Path> getSample(String handlerName) throws IOException {
    Path folder = TemplateRoutes.eventsFolder(handlerName);
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

  private static long itemCount(LocalDynamoDb dynamoDb, String table) {
    try (var client = dynamoDb.client()) {
      return client.describeTable(r -> r.tableName(table)).table().itemCount();
    }
  }

  /** The sample through the handler, with the event and its answer as the artefact's own classes. */
  private static void answer(ClassLoader loader, Object handler, Path sample, String function) throws Exception {
    Class<?> eventType = loader.loadClass("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
    Class<?> mapperType = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
    Object mapper = mapperType.getConstructor().newInstance();
    Class<?> feature = loader.loadClass("com.fasterxml.jackson.databind.DeserializationFeature");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object lenient = Enum.valueOf((Class) feature, "FAIL_ON_UNKNOWN_PROPERTIES");
    mapperType.getMethod("configure", feature, boolean.class).invoke(mapper, lenient, false);
    Object event = mapperType.getMethod("readValue", String.class, Class.class).invoke(mapper, Files.readString(sample), eventType);
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
