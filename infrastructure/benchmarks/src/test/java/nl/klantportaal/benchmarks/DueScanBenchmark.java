package nl.klantportaal.benchmarks;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.sla.usecase.FireDueEvents;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketType;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The due-events scan at scale on DynamoDB Local (in this JVM, the template's table): OPEN open
 * tickets created through the real repository (each with its SLA record and DueIndex entries) among
 * CLOSED closed tickets (header and SLA record, no DueIndex entry, as the tickets slice leaves them).
 * Reports items read per due event, from the Query responses, the scan's wall time and the CPU time
 * the JVM spent meanwhile (the scan's and DynamoDB Local's, which runs in it). Not part of
 * the test suite (the class name is no test name); run it with
 * {@code ./mvnw -B -ntp test -pl infrastructure/benchmarks -am -Dtest=DueScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dbench.open=1000 -Dbench.closed=100000} to change the sizes. Figures: README.md.
 */
class DueScanBenchmark {
  private static final Instant T0 = Instant.parse("2026-11-23T09:30:00Z");
  private static final int OPEN = Integer.getInteger("bench.open", 1_000);
  private static final int CLOSED = Integer.getInteger("bench.closed", 100_000);
  private static final int CUSTOMERS = 20;
  /**
   * The CPU time of this whole JVM (the scan, the SDK and DynamoDB Local) during a run: on a machine
   * shared with other builds the wall time depends on their load, this much less.
   */
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Counts and drops mail: the benchmark measures the scan, not SES. */
  private static final class CountingSender implements MailSender {
    final AtomicLong sent = new AtomicLong();

    @Override
    public String send(OutgoingMail mail) {
      throw new AssertionError("SLA mail is threaded mail");
    }

    @Override
    public String send(ThreadedMail mail) {
      return "bench-" + sent.incrementAndGet();
    }
  }

  @Test
  void scanAtScale() {
    LocalDynamoDb db = LocalDynamoDb.shared();
    MovableClock clock = new MovableClock(T0);
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(db, db.createPortalTable())), clock);
    List<TenantId> customers = new ArrayList<>();
    List<Actor.Person> reporters = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      TenantId id = new TenantId(String.format(Locale.ROOT, "bench-%02d", c));
      customers.add(id);
      IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(id.value(), List.of(id.value() + ".example.test"),
          SlaTier.KOPER, Language.NL, Optional.empty()), T0, T0, 1));
      UserId user = new UserId("reporter-" + c);
      IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(user, "reporter-" + c + "@example.test",
          new UserProfile.PersonName("Rep", "Orter", "Reporter " + c), Language.NL,
          new Membership.CustomerMember(id, Role.CUSTOMER_USER), true, AccountSettings.DEFAULT, T0, T0, 1));
      reporters.add(new Actor.Person(user, Role.CUSTOMER_USER, "Reporter " + c));
    }
    for (int s = 0; s < 2; s++) {
      IdentityWiring.of(wiring).users().createIfAbsent(UserProfile.staff(new UserId("agent-" + s), "agent-" + s + "@example.test",
          new UserProfile.PersonName("Agent", Integer.toString(s), "Agent " + s), Language.NL, Role.PROVIDER_AGENT, T0));
    }

    long loadStart = System.nanoTime();
    writeClosed(wiring, customers, CLOSED);
    long closedMillis = (System.nanoTime() - loadStart) / 1_000_000;
    long openStart = System.nanoTime();
    var tickets = SlaWiring.of(wiring).tickets();
    for (int i = 0; i < OPEN; i++) {
      TenantId tenant = customers.get(i % CUSTOMERS);
      Actor.Person reporter = reporters.get(i % CUSTOMERS);
      TicketRef ref = new TicketRef(tenant, tickets.nextNumber(tenant));
      Ticket ticket = Ticket.create(ref, TicketType.INCIDENT, "email", Priority.HIGH, "Benchmark " + i, "open ticket",
          reporter, List.of(), TicketSource.PORTAL, Optional.empty(), Map.of(), nl.klantportaal.ticketing.domain.ApprovalState.NONE, Optional.empty(), reporter, T0);
      tickets.create(ticket, List.of(), TicketAudit.of(reporter, T0, "created", Map.of()));
    }
    long openMillis = (System.nanoTime() - openStart) / 1_000_000;

    CountingSender sender = new CountingSender();
    FireDueEvents scan = SlaWiring.of(wiring).fireDueEvents(sender);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Loaded %,d closed tickets in %,d ms, %,d open tickets in %,d ms", CLOSED,
        closedMillis, OPEN, openMillis));
    lines.add("| run | due events fired | DueIndex items read | items read per due event | scan time | CPU time |");
    lines.add("|---|---|---|---|---|---|");
    clock.set(T0.plus(Duration.ofHours(1)));
    lines.add(measure("nothing due (T0 + 1 h)", scan, clock.instant()));
    clock.set(T0.plus(Duration.ofHours(29)));
    String warnings = measure("80 % response warnings due (T0 + 29 h)", scan, clock.instant());
    lines.add(warnings);
    lines.add(measure("same moment again", scan, clock.instant()));
    clock.set(T0.plus(Duration.ofHours(37)));
    lines.add(measure("response deadlines due (T0 + 37 h)", scan, clock.instant()));
    assertEquals(4L * OPEN, sender.sent.get(), "a warning and a breach per open ticket to each of two agents");
    lines.forEach(System.out::println);
    assertTrue(warnings.contains(String.format(Locale.ROOT, "| %,d |", OPEN)), warnings);
  }

  private static String measure(String name, FireDueEvents scan, Instant at) {
    long cpuStart = CPU.getProcessCpuTime();
    long start = System.nanoTime();
    FireDueEvents.Outcome outcome = scan.execute(at, () -> true);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (CPU.getProcessCpuTime() - cpuStart) / 1_000_000;
    int fired = outcome.fired().values().stream().mapToInt(Integer::intValue).sum();
    String perEvent = fired == 0 ? "—" : String.format(Locale.ROOT, "%.2f", outcome.itemsRead() / (double) fired);
    assertTrue(outcome.complete());
    return String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %,d ms | %,d ms |", name, fired, outcome.itemsRead(), perEvent,
        millis, cpuMillis);
  }

  /** Closed tickets as the tickets slice leaves them: a header and an SLA record, nothing on DueIndex. */
  private static void writeClosed(KernelWiring wiring, List<TenantId> customers, int count) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      TenantId tenant = customers.get(n % customers.size());
      String pk = String.format(Locale.ROOT, "TENANT#%s#TICKET#%08d", tenant.value(), 1_000_000 + n);
      Map<String, AttributeValue> header = new HashMap<>();
      header.put("PK", AttributeValue.fromS(pk));
      header.put("SK", AttributeValue.fromS("PUB#TICKET"));
      header.put("type", AttributeValue.fromS("Ticket"));
      header.put("tenantId", AttributeValue.fromS(tenant.value()));
      header.put("number", AttributeValue.fromN(Integer.toString(1_000_000 + n)));
      header.put("status", AttributeValue.fromS("closed"));
      header.put("GSI5PK", AttributeValue.fromS("TENANT#" + tenant.value() + "#TICKETS"));
      header.put("GSI5SK", AttributeValue.fromS("2026-01-01T00:00:00Z#" + String.format(Locale.ROOT, "%08d", n)));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(header).build()).build());
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("PK", AttributeValue.fromS(pk),
          "SK", AttributeValue.fromS("STAFF#SLA"), "type", AttributeValue.fromS("Sla"),
          "timeline", AttributeValue.fromL(List.of(AttributeValue.fromS("CREATED 2026-01-01T00:00:00Z normal koper"),
              AttributeValue.fromS("RESOLVED 2026-01-02T00:00:00Z"))),
          "slaVersion", AttributeValue.fromN("3"))).build()).build());
      if (batch.size() >= 24 || n == count) {
        List<WriteRequest> items = List.copyOf(batch);
        Map<String, List<WriteRequest>> pending = Map.of(wiring.table().name(), items);
        while (!pending.isEmpty()) {
          Map<String, List<WriteRequest>> request = pending;
          pending = wiring.table().client().batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
        }
        batch.clear();
      }
    }
  }
}
