package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * template.yaml is the source of truth: every function it names has its handler class with both
 * constructors, every HttpApi route is a route of that handler with a declared permission (public
 * exactly where the template says Authorizer NONE), no handler serves a route the template lacks,
 * events/ holds a sample event for every function and every route, and every file in events/ is
 * used (the rule is on {@link #everyEventsFileIsUsed}).
 */
class TemplateContractTest {
  private static final SamTemplate TEMPLATE = SamTemplate.project();

  /**
   * Samples that carry, on purpose, a route their function does not serve: API Gateway never sends
   * one, yet the handler must answer it with a problem (HealthHandlerTest). Paths below events/.
   */
  private static final Set<String> UNROUTED_SAMPLES = Set.of("platform/health/post-unknown-route.json");

  /**
   * Samples no handler test runs, kept as their route's sample for {@code infrastructure/local/start
   * invoke}: these flows need Cognito (cognito-local in the local cloud), so AuthInputHandlerTest and
   * MeHandlerTest run only the refusals that never reach it (MeHandlerTest runs the e-mail verify with a stand-in
   * for Cognito, so verify-email.json is not here). Paths below events/.
   */
  private static final Set<String> INVOKE_SAMPLES = Set.of(
      "identity/account-security/change-password.json",
      "identity/account-security/totp-start-pending-without-mfa.json",
      "identity/account-security/totp-verify.json",
      "identity/auth/confirm.json",
      "identity/auth/forgot-password.json",
      "identity/auth/resend-code.json",
      "identity/auth/reset-password.json",
      "identity/auth/sign-in-new-password.json",
      "identity/auth/sign-in-totp.json",
      "identity/auth/sign-up.json",
      "identity/me/change-email.json");

  /**
   * The session cookie (docs/claims.md, "Sessions") lives exactly as long as the app client's refresh token: longer
   * would keep a dead cookie, shorter would end sessions Cognito still honours.
   */
  @Test
  void theSessionCookieLivesAsLongAsTheAppClientsRefreshToken() {
    Map<String, Object> client = TEMPLATE.resource("UserPoolClient").orElseThrow().properties();
    String unit = Yamls.string(Yamls.map(client.get("TokenValidityUnits")).get("RefreshToken"));
    long amount = Long.parseLong(Yamls.string(client.get("RefreshTokenValidity")));
    java.time.Duration validity = switch (unit) {
      case "days" -> java.time.Duration.ofDays(amount);
      case "hours" -> java.time.Duration.ofHours(amount);
      case "minutes" -> java.time.Duration.ofMinutes(amount);
      default -> throw new AssertionError("RefreshToken unit " + unit);
    };
    assertEquals(validity, nl.klantportaal.identity.handler.SessionCookie.MAX_AGE);
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionAgreesWithItsHandler() {
    Map<String, String> env = TestEnvironment.forTable(LocalDynamoDb.shared(), "not-used-at-init");
    return TEMPLATE.resourcesOfType(SamTemplate.FUNCTION).stream().map(function ->
        DynamicTest.dynamicTest(function.logicalId(), () -> {
          Map<String, Object> properties = TEMPLATE.functionProperties(function);
          String handler = Yamls.string(properties.get("Handler"));
          assertTrue(handler.endsWith("::handleRequest"), handler);
          // Lambda refuses a function description over 256 characters at deploy time; the offline check does not see it.
          String description = properties.get("Description") == null ? "" : Yamls.string(properties.get("Description"));
          assertTrue(description.length() <= 256, function.logicalId() + "'s description is " + description.length()
              + " characters; Lambda takes at most 256");
          Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
          assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type));
          type.getConstructor();
          Object instance = type.getConstructor(Map.class).newInstance(env);
          assertCodeUri(function.logicalId(), Yamls.string(properties.get("CodeUri")), type);

          Set<String> declared = new TreeSet<>();
          for (var event : TEMPLATE.events(function)) {
            if (!event.type().equals("HttpApi")) {
              continue;
            }
            String routeKey = Yamls.string(event.properties().get("Method")).toUpperCase() + " "
                + Yamls.string(event.properties().get("Path"));
            declared.add(routeKey);
            assertTrue(instance instanceof ApiHandler, function.logicalId() + " serves HttpApi routes");
            Route route = ((ApiHandler) instance).routes().find(routeKey)
                .orElseThrow(() -> new AssertionError(function.logicalId() + " has no route " + routeKey));
            boolean publicInTemplate = "NONE".equals(Yamls.string(Yamls.map(event.properties().get("Auth")).get("Authorizer")));
            assertEquals(publicInTemplate, route.access() == Access.PUBLIC,
                routeKey + ": public in the handler exactly where the template turns the authorizer off");
          }
          if (instance instanceof ApiHandler api) {
            Set<String> served = new TreeSet<>();
            api.routes().all().forEach(route -> served.add(route.routeKey()));
            assertEquals(declared, served, function.logicalId() + ": routes in the handler and in template.yaml");
          }
          assertSampleEvents(function.logicalId(), type, declared);
        }));
  }

  /**
   * Every file under events/ is used, so no sample goes stale unseen. A file
   * events/&lt;module&gt;/&lt;function&gt;/&lt;case&gt;.json counts as used when one Java source under
   * functions/*&#47;src/test or infrastructure/*&#47;src/test (this class aside) names it: the source
   * contains the file name &lt;case&gt;.json and the folder segments &lt;module&gt;/ and &lt;function&gt;/,
   * each not preceded by a letter, digit, '_', '-' or '.' (as {@code "tickets/tickets/" + fixture} with
   * {@code "get.json"} does, or {@code "identity/" + fixture} with {@code "auth/sign-in-missing-password.json"}).
   * The only other use is a place on {@link #INVOKE_SAMPLES}; a listed file must exist and must not be
   * named by a test as well (then it no longer belongs on the list). Every file of
   * {@link #UNROUTED_SAMPLES} must exist too.
   */
  @Test
  void everyEventsFileIsUsed() throws IOException {
    List<String> sources = testSources();
    List<String> events;
    try (Stream<Path> files = Files.walk(Lambda.events())) {
      events = files.filter(Files::isRegularFile).map(TemplateContractTest::relative).sorted().toList();
    }
    List<String> unused = new ArrayList<>();
    List<String> namedAndListed = new ArrayList<>();
    for (String event : events) {
      String[] parts = event.split("/");
      if (parts.length != 3 || !event.endsWith(".json")) {
        unused.add(event + " (not events/<module>/<function>/<case>.json)");
        continue;
      }
      boolean named = sources.stream().anyMatch(source -> mentions(source, parts[2])
          && mentions(source, parts[0] + "/") && mentions(source, parts[1] + "/"));
      if (named && INVOKE_SAMPLES.contains(event)) {
        namedAndListed.add(event);
      } else if (!named && !INVOKE_SAMPLES.contains(event)) {
        unused.add(event);
      }
    }
    assertEquals(List.of(), unused, "events/ files no test names: name each in its handler test, or list it in"
        + " INVOKE_SAMPLES with the reason no handler test can run it");
    assertEquals(List.of(), namedAndListed, "INVOKE_SAMPLES entries a test now names: take them off the list");
    Set<String> listed = new TreeSet<>(INVOKE_SAMPLES);
    listed.addAll(UNROUTED_SAMPLES);
    listed.removeAll(events);
    assertEquals(Set.of(), listed, "listed in this class, but not in events/");
  }

  /** The Java sources under functions/*&#47;src/test and infrastructure/*&#47;src/test, this class's aside. */
  private static List<String> testSources() throws IOException {
    Path self = Path.of("infrastructure/template-contract/src/test/java",
        TemplateContractTest.class.getName().replace('.', '/') + ".java");
    List<Path> folders = new ArrayList<>();
    for (String tree : List.of("functions", "infrastructure")) {
      try (Stream<Path> modules = Files.list(SamTemplate.projectRoot().resolve(tree))) {
        modules.map(module -> module.resolve("src/test")).filter(Files::isDirectory).forEach(folders::add);
      }
    }
    List<String> sources = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith(self)).toList()) {
          sources.add(Files.readString(file));
        }
      }
    }
    return sources;
  }

  /** {@code token} occurs in {@code source}, not as the tail of a longer name. */
  private static boolean mentions(String source, String token) {
    return Pattern.compile("(?<![\\w.-])" + Pattern.quote(token)).matcher(source).find();
  }

  private static void assertCodeUri(String id, String codeUri, Class<?> handler) {
    String module = Lambda.functionModule(handler.getName());
    assertEquals("functions/" + module + "/target/" + module + "-lambda.jar", codeUri, id + " CodeUri");
    assertTrue(Files.isDirectory(SamTemplate.projectRoot().resolve("functions/" + module)), id + " module");
  }

  /** events/<module>/<handler name without Handler, kebab-case>/ holds the function's samples. */
  private static void assertSampleEvents(String id, Class<?> handler, Set<String> routeKeys) throws IOException {
    Path folder = Lambda.eventsFolder(handler.getName());
    if (!Files.isDirectory(folder)) {
      fail(id + ": no sample events in " + folder);
    }
    List<Path> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(p -> p.toString().endsWith(".json")).forEach(samples::add);
    }
    assertFalse(samples.isEmpty(), id + ": no sample events in " + folder);
    if (!routeKeys.isEmpty()) {
      Set<String> covered = new TreeSet<>();
      for (Path sample : samples) {
        String relative = relative(sample);
        String routeKey = Lambda.httpEvent(relative).getRouteKey();
        if (UNROUTED_SAMPLES.contains(relative)) {
          assertFalse(routeKeys.contains(routeKey), relative + " is listed as unrouted, yet " + id + " serves " + routeKey);
        } else {
          covered.add(routeKey);
        }
      }
      assertTrue(routeKeys.containsAll(covered), id + ": samples for routes the function does not serve: " + covered);
      assertEquals(routeKeys, covered, id + ": every route has at least one sample event");
    }
  }

  /** The path below events/, with forward slashes, as tests name it. */
  private static String relative(Path file) {
    return Lambda.events().relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
