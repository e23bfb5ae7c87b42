package nl.klantportaal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.benchmarks.floors.ConstantFloor;
import nl.klantportaal.benchmarks.floors.ProposedCallsFloor;
import nl.klantportaal.benchmarks.floors.PutItemFloor;
import nl.klantportaal.benchmarks.floors.SameCallsFloor;
import nl.klantportaal.benchmarks.floors.SameItemsFloor;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold start and warm latency of the API functions against the project's own floors, measured on
 * demand (README, "Benchmarks"; issue: cold start and request latency). Every run is a fresh JVM with
 * Lambda's flags and memory, the function's built artefact (its template CodeUri) and the runtime's
 * event serializers on the class path, and the function's events/ file as input, against DynamoDB
 * Local with template.yaml's table. Each function's calls to DynamoDB are counted first through a
 * counting proxy ({@link CountingProxy}); the floor that makes the same calls replays the sequence
 * measured for {@code POST /tickets} with as many items in its transaction, and the same-items floor
 * ({@link SameItemsFloor}) puts the very items of the create's transaction. Then {@code bench.runs} cold rounds, every subject once per round
 * (interleaved), then one warm run per subject ({@code bench.warmUps} unmeasured, {@code bench.warm}
 * measured invocations). Every answer's status code is checked in the child. The warm run also reports
 * the CPU time per invocation of the function's JVM and of DynamoDB Local (this JVM), so a gap to a floor
 * can be told apart: our code, or DynamoDB Local's work on our items.
 *
 * <pre>
 * ./mvnw -o -B -q install -DskipTests        # the artefacts
 * ./mvnw -o -B test -pl infrastructure/benchmarks -Dtest=LambdaBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.runs=10 -Dbench.warm=200
 * </pre>
 */
class LambdaBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");

  /** What is measured: a floor or a template function, with its event and the status every answer must have. */
  record Subject(String name, String handler, Optional<Path> artefact, String event, int status, int memoryMb) {}

  record Cold(long jvm, long init, long first, long total) {}

  @Test
  void coldAndWarm() throws Exception {
    int runs = Integer.getInteger("bench.runs", 10);
    int warm = Integer.getInteger("bench.warm", 200);
    int warmUps = Integer.getInteger("bench.warmUps", 50);
    Path root = SamTemplate.projectRoot();
    SamTemplate template = SamTemplate.project();

    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    String table = dynamoDb.createPortalTable();
    Map<String, String> env = new HashMap<>(TestEnvironment.forTable(dynamoDb, table));
    env.putAll(Map.of("AWS_LAMBDA_FUNCTION_NAME", "bench", "POWERTOOLS_SERVICE_NAME", "bench",
        "POWERTOOLS_METRICS_NAMESPACE", "Klantportaal", "POWERTOOLS_LOG_LEVEL", "WARN", "AWS_EMF_ENVIRONMENT", "Lambda"));

    List<Subject> functions = List.of(
        function(template, root, "POST /tickets", "TicketsFunction", "events/tickets/tickets/create-incident.json", 201),
        function(template, root, "GET /tickets/{id}", "TicketsFunction", "events/tickets/tickets/get.json", 200),
        function(template, root, "GET /health", "HealthFunction", "events/platform/health/get.json", 200),
        function(template, root, "GET /me", "MeFunction", "events/identity/me/customer-admin.json", 200),
        function(template, root, "GET /customers", "CustomersFunction", "events/identity/customers/list-as-provider-agent.json", 200),
        function(template, root, "GET /catalogue", "CatalogueFunction", "events/tickets/catalogue/get.json", 200),
        function(template, root, "GET /sla/at-risk", "SlaFunction", "events/sla/sla/get-at-risk-8h-as-agent.json", 200),
        function(template, root, "GET /hour-bundles", "BillingFunction", "events/billing/billing/get-own-bundles.json", 200),
        function(template, root, "GET /invoices", "InvoicesFunction", "events/billing/invoices/list-own-invoices.json", 200),
        function(template, root, "GET /reports", "ReportsFunction", "events/reports/reports/list-own.json", 200),
        function(template, root, "GET /tickets (mine)", "TicketsFunction", "events/tickets/tickets/list-mine.json", 200),
        function(template, root, "POST /tickets/{id}/messages", "TicketsFunction", "events/tickets/tickets/reply.json", 201));
    // -Dbench.only="GET /me,GET /reports": those functions only (POST /tickets always: the same-calls floor replays it)
    String only = System.getProperty("bench.only", "").trim();
    if (!only.isEmpty()) {
      List<String> names = List.of(only.split("\\s*,\\s*"));
      functions = functions.stream().filter(s -> s.name().equals("POST /tickets") || names.contains(s.name())).toList();
    }
    // -Dbench.compare=/tmp/tickets-before.jar: POST /tickets from that artefact too, interleaved (a change's A/B)
    String compare = System.getProperty("bench.compare", "").trim();
    if (!compare.isEmpty()) {
      Subject create = functions.get(0);
      functions = Stream.concat(functions.stream(), Stream.of(new Subject("POST /tickets (" + Path.of(compare).getFileName() + ")",
          create.handler(), Optional.of(Path.of(compare)), create.event(), create.status(), create.memoryMb()))).toList();
    }
    int floorMemory = functions.get(0).memoryMb();
    String create = root.resolve("events/tickets/tickets/create-incident.json").toString();
    List<Subject> floors = List.of(
        new Subject("floor: constant", ConstantFloor.class.getName(), Optional.empty(),
            root.resolve("events/platform/health/get.json").toString(), 200, floorMemory),
        new Subject("floor: one PutItem", PutItemFloor.class.getName(), Optional.empty(), create, 201, floorMemory),
        new Subject("floor: POST /tickets' calls", SameCallsFloor.class.getName(), Optional.empty(), create, 201, floorMemory),
        new Subject("floor: POST /tickets' calls, its transaction's items", SameItemsFloor.class.getName(), Optional.empty(),
            create, 201, floorMemory));
    // -Dbench.proposedCalls=get+get+update,transact (-Dbench.proposedExtraItems=1): a floor making those calls instead,
    // what a change to the create's calls would cost before it is made
    String proposed = System.getProperty("bench.proposedCalls", "").trim();
    if (!proposed.isEmpty()) {
      env.put("FLOOR_PROPOSED_CALLS", proposed);
      env.put("FLOOR_PROPOSED_EXTRA_ITEMS", Integer.toString(Integer.getInteger("bench.proposedExtraItems", 0)));
      floors = Stream.concat(floors.stream(), Stream.of(new Subject("floor: proposed calls " + proposed,
          ProposedCallsFloor.class.getName(), Optional.empty(), create, 201, floorMemory))).toList();
    }

    // -Dbench.writePreloadLists=true: every API function's class list (ClassPreload), from the subjects above and
    // the GET samples of the API functions they leave out; written after the calls are counted, then it stops
    boolean writeLists = Boolean.getBoolean("bench.writePreloadLists");
    List<Subject> listsOnly = writeLists ? PreloadLists.otherApiFunctions(template, root, functions) : List.of();
    seed(dynamoDb, table, env, Stream.concat(functions.stream(), listsOnly.stream()).toList());
    Launcher launcher = new Launcher(env);

    // 1. The DynamoDB calls per invocation, through the counting proxy (also makes acme-fixture-1 for GET /tickets/{id}).
    Map<String, List<List<String>>> calls = new LinkedHashMap<>();
    try (CountingProxy proxy = CountingProxy.start(dynamoDb.endpoint())) {
      // POST /tickets first: its transaction is the one the floors replay, taken before another function's
      List<List<String>> createCalls = launcher.callsPerInvocation(functions.get(0), proxy);
      env.put("FLOOR_CALLS", createCalls.stream().map(round -> round.stream().map(LambdaBenchmark::floorCall)
          .collect(Collectors.joining("+"))).collect(Collectors.joining(",")));
      env.put("FLOOR_TRANSACT_ITEMS", Integer.toString(proxy.lastTransactItems()));
      Path transactRequest = Files.createTempFile("create-transaction", ".json");
      transactRequest.toFile().deleteOnExit();
      Files.write(transactRequest, proxy.lastTransactRequest());
      env.put("FLOOR_TRANSACT_REQUEST", transactRequest.toString());
      System.out.printf("POST /tickets' transaction: %d items, %,d bytes%n", proxy.lastTransactItems(),
          proxy.lastTransactRequest().length);
      for (Subject subject : functions) {
        calls.put(subject.name(), subject == functions.get(0) ? createCalls : launcher.callsPerInvocation(subject, proxy));
      }
      for (Subject floor : floors) {
        calls.put(floor.name(), launcher.callsPerInvocation(floor, proxy));
      }
      for (Subject floor : floors) {
        List<List<String>> made = calls.get(floor.name());
        if (floor.handler().equals(SameCallsFloor.class.getName()) || floor.handler().equals(SameItemsFloor.class.getName())) {
          assertEquals(createCalls, made, floor.name() + " makes what POST /tickets makes");
        } else if (floor.handler().equals(ProposedCallsFloor.class.getName())) {
          List<List<String>> asked = Stream.of(proposed.split(",")).map(round -> Stream.of(round.split("\\+"))
              .map(String::strip).sorted().toList()).toList();
          assertEquals(asked, made.stream().map(round -> round.stream().map(LambdaBenchmark::floorCall).sorted().toList())
              .toList(), floor.name() + " makes its proposed calls");
        }
      }
    }

    if (writeLists) {
      PreloadLists.write(Stream.concat(functions.stream(), listsOnly.stream()).toList(), launcher);
      return;
    }

    // 2. Cold: every subject once per round, interleaved.
    List<Subject> all = Stream.concat(floors.stream(), functions.stream()).toList();
    Map<String, List<Cold>> cold = new LinkedHashMap<>();
    for (int round = 1; round <= runs; round++) {
      for (Subject subject : all) {
        cold.computeIfAbsent(subject.name(), k -> new ArrayList<>()).add(launcher.cold(subject));
      }
      System.out.printf("cold round %d of %d done%n", round, runs);
    }
    // 3. Warm: one JVM per subject.
    Map<String, long[]> warmFigures = new LinkedHashMap<>();
    for (Subject subject : all) {
      warmFigures.put(subject.name(), launcher.warm(subject, warmUps, warm));
    }
    print(all, cold, warmFigures, calls, runs, warm, env);
    launcher.bytes.forEach((name, b) -> System.out.printf("%s: %,d bytes to DynamoDB and %,d back per warm invocation%n",
        name, b[0], b[1]));
  }

  /** A template function as a subject: its handler, built artefact and memory; {@code event} relative to the root, or absolute. */
  static Subject function(SamTemplate template, Path root, String name, String functionId, String event, int status) {
    SamTemplate.Resource resource = template.resource(functionId).orElseThrow();
    Map<String, Object> properties = template.functionProperties(resource);
    String handler = String.valueOf(properties.get("Handler")).split("::")[0];
    Path artefact = root.resolve(String.valueOf(properties.get("CodeUri")));
    if (!Files.isRegularFile(artefact)) {
      throw new IllegalStateException(artefact + " is not built: ./mvnw -o -B -q install -DskipTests first");
    }
    int memory = Integer.parseInt(String.valueOf(properties.getOrDefault("MemorySize", "512")));
    return new Subject(name, handler, Optional.of(artefact), root.resolve(event).toString(), status, memory);
  }

  /** The customers and people the events' claims name, and the floors' reference items. */
  private static void seed(LocalDynamoDb dynamoDb, String table, Map<String, String> env, List<Subject> functions)
      throws IOException {
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(env), Clock.systemUTC());
    IdentityWiring identity = IdentityWiring.of(wiring);
    Map<String, JsonNode> people = new LinkedHashMap<>();
    for (Subject subject : functions) {
      JsonNode claims = JSON.readTree(new File(subject.event())).path("requestContext").path("authorizer").path("jwt")
          .path("claims");
      // a sample made to be refused (no role, a malformed tenant) names no one to seed
      Optional<Role> role = Role.fromWire(claims.path("kp_role").asText());
      if (claims.hasNonNull("sub") && role.isPresent()
          && (role.get().isProviderStaff() || TenantId.isValid(claims.path("kp_tenant").asText("")))) {
        people.putIfAbsent(claims.get("sub").asText(), claims);
      }
    }
    people.values().stream().map(c -> c.path("kp_tenant").asText("")).filter(TenantId::isValid).distinct()
        .forEach(tenant -> identity.customers().create(new Customer(new TenantId(tenant), new CustomerDetails(tenant,
            List.of(tenant + ".example.test"), SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1)));
    people.forEach((sub, claims) -> {
      Role role = Role.fromWire(claims.path("kp_role").asText()).orElseThrow();
      Membership membership = role.isProviderStaff() ? new Membership.ProviderStaff(role)
          : new Membership.CustomerMember(new TenantId(claims.path("kp_tenant").asText()), role);
      String name = "Bench " + sub.substring(sub.length() - 4);
      identity.users().createIfAbsent(new UserProfile(new UserId(sub), "bench-" + sub.substring(sub.length() - 4)
          + "@example.test", new UserProfile.PersonName("Bench", sub.substring(sub.length() - 4), name), Language.NL,
          membership, true, AccountSettings.DEFAULT, NOW, NOW, 1));
    });
    String padding = "x".repeat(600);
    try (DynamoDbClient client = dynamoDb.client()) {
      for (String sk : List.of("PROFILE", "CUSTOMER", "CATALOGUE#1", "CATALOGUE#2", "CATALOGUE#3")) {
        client.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("BENCH#REF"),
            "SK", AttributeValue.fromS(sk), "body", AttributeValue.fromS(padding))));
      }
    }
  }

  private static String floorCall(String operation) {
    return switch (operation) {
      case "GetItem" -> "get";
      case "Query" -> "query";
      case "BatchGetItem" -> "batch";
      case "PutItem" -> "put";
      case "UpdateItem" -> "update";
      case "TransactWriteItems" -> "transact";
      default -> throw new IllegalStateException("POST /tickets calls " + operation + ", which the floor cannot make");
    };
  }

  private static void print(List<Subject> all, Map<String, List<Cold>> cold, Map<String, long[]> warm,
      Map<String, List<List<String>>> calls, int runs, int warmCount, Map<String, String> env) {
    long putFloor = median(cold.get("floor: one PutItem").stream().map(Cold::total).toList());
    long[] sameCalls = warm.get("floor: POST /tickets' calls");
    long[] sameItems = warm.get("floor: POST /tickets' calls, its transaction's items");
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nJDK %s (%s), %d cores; flags %s; %d cold runs per subject (median, min–max), "
        + "%d warm invocations after %s unmeasured%n", System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
        Runtime.getRuntime().availableProcessors(), String.join(" ", Launcher.lambdaFlags(1024)).replace("1024", "<memory>"),
        runs, warmCount, Integer.getInteger("bench.warmUps", 50)));
    out.append("| subject | calls per invocation (rounds; + alongside) | init ms | first invoke ms | JVM start → first invoke done ms "
        + "| ÷ one-PutItem floor | warm p50 ms | warm p99 ms | p50 − same-calls floor |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Subject s : all) {
      List<Cold> c = cold.get(s.name());
      long[] w = warm.get(s.name());
      long total = median(c.stream().map(Cold::total).toList());
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.1f | %.1f | %+.1f |%n", s.name(),
          rounds(calls.get(s.name())),
          range(c.stream().map(Cold::init).toList()), range(c.stream().map(Cold::first).toList()),
          range(c.stream().map(Cold::total).toList()), total / (double) putFloor, w[0] / 1000.0, w[1] / 1000.0,
          (w[0] - sameCalls[0]) / 1000.0));
    }
    out.append(String.format(Locale.ROOT, "%nWhere a warm invocation's time goes (CPU per invocation over the warm run):%n"
        + "| subject | warm p50 ms | warm p99 ms | function JVM CPU ms | DynamoDB Local CPU ms "
        + "| CPU − same-calls floor (function, DynamoDB Local) | p50, p99 − same-items floor |%n|---|---|---|---|---|---|---|%n"));
    for (Subject s : all) {
      long[] w = warm.get(s.name());
      out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %+.1f, %+.1f | %+.1f, %+.1f |%n", s.name(),
          w[0] / 1000.0, w[1] / 1000.0, w[2] / 1000.0, w[3] / 1000.0, (w[2] - sameCalls[2]) / 1000.0,
          (w[3] - sameCalls[3]) / 1000.0, (w[0] - sameItems[0]) / 1000.0, (w[1] - sameItems[1]) / 1000.0));
    }
    System.out.println(out);
  }

  /** "4 in 3 rounds: GetItem+GetItem+PutItem, TransactWriteItems, UpdateItem". */
  private static String rounds(List<List<String>> rounds) {
    int count = rounds.stream().mapToInt(List::size).sum();
    if (count == 0) {
      return "0";
    }
    return count + " in " + rounds.size() + (rounds.size() == 1 ? " round: " : " rounds: ")
        + rounds.stream().map(r -> String.join("+", r)).collect(Collectors.joining(", "));
  }

  private static String range(List<Long> values) {
    return median(values) + " (" + values.stream().mapToLong(Long::longValue).min().orElseThrow() + "–"
        + values.stream().mapToLong(Long::longValue).max().orElseThrow() + ")";
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
