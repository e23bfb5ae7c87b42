package nl.klantportaal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.port.Audit;
import nl.klantportaal.billing.port.BundleRepository;
import nl.klantportaal.billing.port.SubscriptionRepository;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.reports.adapter.pdf.PdfReports;
import nl.klantportaal.reports.adapter.sources.ContextSources;
import nl.klantportaal.reports.domain.Branding;
import nl.klantportaal.reports.domain.ReportJob;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.domain.ReportRecord;
import nl.klantportaal.reports.port.ReportFiles;
import nl.klantportaal.reports.port.ReportRecords;
import nl.klantportaal.reports.usecase.GenerateReport;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.sla.port.SlaOutcomes;
import nl.klantportaal.ticketing.domain.ApprovalState;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.DefaultCatalogue;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.domain.TicketStep;
import nl.klantportaal.ticketing.domain.TicketType;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import org.junit.jupiter.api.Test;

/**
 * One customer's month at scale: TICKETS tickets raised in November 2026 (half resolved, a third of
 * those closed, two SLA targets each with one in ten breached, so the PDF lists the breaches over many
 * pages) and REGISTRATIONS time registrations on two bundles and ad hoc, made into its report by the
 * real use case: the read ports' mapping (ContextSources), the billing context's month readings and
 * forecast over the ledger lines, the figures, and the PDF drawn twice (contents and page numbers).
 * The ports answer from memory, so this measures the report's own work, not DynamoDB's.
 *
 * <p>Run in a JVM with a 400 MiB heap, as the issue asks:
 * {@code ./mvnw -o -B test -pl infrastructure/benchmarks -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DbenchJvm=-Xmx400m} (sizes: {@code -Dbench.tickets}, {@code -Dbench.registrations}). Figures: README.md.
 */
class ReportBenchmark {
  private static final int TICKETS = Integer.getInteger("bench.tickets", 5_000);
  private static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 20_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 5);
  private static final TenantId CUSTOMER = new TenantId("bench-acme");
  private static final ReportMonth NOVEMBER = ReportMonth.parse("2026-11");
  private static final Instant RUN = Instant.parse("2026-12-01T05:00:00Z");

  @Test
  void oneCustomersMonthAtScale() throws Exception {
    long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    if (heapMiB > 400) {
      throw new IllegalStateException("The report is measured with a 400 MiB heap; this JVM has " + heapMiB
          + " MiB: run with -DbenchJvm=-Xmx400m");
    }
    List<Ticket> tickets = tickets();
    List<SlaOutcomes.Outcome> outcomes = outcomes();
    List<TimeEntry> lines = registrations();
    List<HourBundle> bundles = List.of(bundle("b1", 600 * 60), bundle("b2", 1200 * 60));
    var months = new MonthReadings(new Bundles(bundles), new Ledger(lines), new Subscriptions());
    var sources = new ContextSources(new Customers(), (tenant, until, each) -> tickets.forEach(each),
        new DefaultCategories(), (tenant, month) -> outcomes, months, new MonthRatings());
    Map<String, byte[]> files = new HashMap<>();
    List<Long> millis = new ArrayList<>();
    long heapPeak = 0;
    int pages = 0;
    long bytes = 0;
    for (int run = 0; run <= RUNS; run++) {
      var records = new Records();
      var generate = new GenerateReport(sources, records, new MemoryFiles(files), new PdfReports(), (t, name, month) -> 0,
          () -> new Branding("Voorbeeld IT", Optional.empty()), Clock.fixed(RUN, ZoneOffset.UTC));
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      var outcome = generate.execute(new ReportJob(CUSTOMER, NOVEMBER, 1, ReportJob.SCHEDULE));
      long took = (System.nanoTime() - start) / 1_000_000;
      var generated = assertInstanceOf(GenerateReport.Outcome.Generated.class, outcome);
      pages = generated.record().pages();
      bytes = generated.record().bytes();
      long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      heapPeak = Math.max(heapPeak, peak);
      millis.add(took);
      System.out.printf(Locale.ROOT, "run %d%s: %,d ms, heap peak %,d MiB%n", run, run == 0 ? " (first in this JVM)" : "", took,
          peak / (1024 * 1024));
    }
    List<Long> warm = millis.subList(1, millis.size()).stream().sorted().toList();
    String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
        .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
    System.out.printf(Locale.ROOT, "%,d tickets, %,d registrations, %,d SLA outcomes -> %d pages, %,d bytes%n", TICKETS, REGISTRATIONS,
        outcomes.size(), pages, bytes);
    System.out.printf(Locale.ROOT, "first %,d ms; warm median %,d ms (min %,d, max %,d); heap peak %,d MiB of max %,d MiB; process %s%n",
        millis.getFirst(), warm.get(warm.size() / 2), warm.getFirst(), warm.getLast(), heapPeak / (1024 * 1024),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), rss);
    assertEquals(TICKETS, tickets.size());
  }

  // The month's data ----------------------------------------------------------------------------

  private static List<Ticket> tickets() {
    List<Ticket> tickets = new ArrayList<>();
    List<String> categories = DefaultCatalogue.CATEGORIES.stream().map(c -> c.id()).toList();
    UserId reporter = new UserId("bench-reporter");
    for (int i = 1; i <= TICKETS; i++) {
      Instant created = NOVEMBER.start().plusSeconds(i * (29L * 24 * 3600) / TICKETS);
      Optional<Instant> resolved = i % 2 == 0 ? Optional.of(created.plusSeconds(7200)) : Optional.empty();
      Optional<Instant> closed = i % 6 == 0 ? Optional.of(created.plusSeconds(86_400)) : Optional.empty();
      TicketStatus status = closed.isPresent() ? TicketStatus.CLOSED : resolved.isPresent() ? TicketStatus.RESOLVED : TicketStatus.OPEN;
      tickets.add(new Ticket(new TicketRef(CUSTOMER, new TicketNumber(i)), TicketType.INCIDENT, categories.get(i % categories.size()),
          Priority.values()[i % 4], "Storing nummer " + i + " op de werkplek van collega " + (i % 40), "", reporter, "Bench",
          List.of(), TicketSource.PORTAL, status, Optional.empty(), Optional.empty(), Map.of(), ApprovalState.NONE, Optional.empty(),
          created, closed.or(() -> resolved).orElse(created), resolved, closed, steps(created, resolved, closed, i, categories),
          new Ticket.LastChange("bench", "created"), 1));
    }
    return tickets;
  }

  private static List<TicketStep> steps(Instant created, Optional<Instant> resolved, Optional<Instant> closed, int i,
      List<String> categories) {
    Priority priority = Priority.values()[i % 4];
    String category = categories.get(i % categories.size());
    List<TicketStep> steps = new ArrayList<>(List.of(new TicketStep(created, TicketStatus.NEW, priority, category)));
    resolved.ifPresent(at -> steps.add(new TicketStep(at, TicketStatus.RESOLVED, priority, category)));
    closed.ifPresent(at -> steps.add(new TicketStep(at, TicketStatus.CLOSED, priority, category)));
    return steps;
  }

  private static List<SlaOutcomes.Outcome> outcomes() {
    List<SlaOutcomes.Outcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= TICKETS; i++) {
      Instant due = NOVEMBER.start().plusSeconds(i * (29L * 24 * 3600) / TICKETS + 3600);
      outcomes.add(new SlaOutcomes.Outcome(i, TargetKind.RESPONSE, Priority.values()[i % 4], i % 10 != 0, due));
      outcomes.add(new SlaOutcomes.Outcome(i, TargetKind.RESOLUTION, Priority.values()[i % 4], i % 10 != 5, due.plusSeconds(86_400)));
    }
    return outcomes;
  }

  private static List<TimeEntry> registrations() {
    List<TimeEntry> lines = new ArrayList<>();
    for (int i = 0; i < REGISTRATIONS; i++) {
      LocalDate day = NOVEMBER.firstDay().plusDays(i % 30);
      RegistrationType type = RegistrationType.values()[i % 3];
      InvoiceStatus status = switch (type) {
        case BUNDLE -> new InvoiceStatus.InBundle(i % 2 == 0 ? "b1" : "b2");
        case AD_HOC_BILLABLE -> new InvoiceStatus.ToInvoice();
        case AD_HOC_SERVICE -> new InvoiceStatus.Service();
      };
      lines.add(new TimeEntry("2026-11-" + i, 1, CUSTOMER, day, 15, 15, type, status, false, new UserId("agent-" + (i % 5)),
          "Agent " + (i % 5), "Werk aan ticket " + (i % TICKETS), Optional.empty(), Optional.of((long) (i % TICKETS) + 1),
          Optional.empty(), Optional.empty(), day.atStartOfDay(ReportMonth.ZONE).toInstant().plusSeconds(36_000)));
    }
    return lines;
  }

  private static HourBundle bundle(String id, int minutes) {
    return new HourBundle(id, CUSTOMER, minutes, minutes, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        new Money(new BigDecimal("9000.00")), HourBundle.State.ACTIVE, Optional.empty(), Instant.parse("2025-12-15T09:00:00Z"), 1,
        HourBundle.Carry.NONE);
  }

  // The ports, from memory (the benchmark only reads) -------------------------------------------

  private record Ledger(List<TimeEntry> lines) implements TimeLedger {
    @Override
    public LedgerChange apply(TenantId tenant, Function<List<HourBundle>, LedgerChange> planner) {
      throw new UnsupportedOperationException("the benchmark books nothing");
    }

    @Override
    public List<TimeEntry> registration(TenantId tenant, String registrationId) {
      return lines.stream().filter(l -> l.registrationId().equals(registrationId)).toList();
    }

    @Override
    public List<TimeEntry> entries(TenantId tenant, Period period, Optional<RegistrationType> type, Optional<Long> ticket) {
      return lines.stream().filter(l -> !l.date().isBefore(period.from()) && !l.date().isAfter(period.to())).toList();
    }

    @Override
    public List<TimeEntry> bundleEntries(TenantId tenant, String bundleId) {
      return lines.stream().filter(l -> l.status() instanceof InvoiceStatus.InBundle b && b.bundleId().equals(bundleId)).toList();
    }
  }

  private record Bundles(List<HourBundle> bundles) implements BundleRepository {
    @Override
    public void create(HourBundle bundle, Audit audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public boolean createForRequest(HourBundle bundle, Audit audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public void changeState(HourBundle changed, Audit audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public boolean expire(HourBundle expired, Optional<HourBundle> next, int rolled, Instant at) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public Optional<HourBundle> find(TenantId tenant, String bundleId) {
      return bundles.stream().filter(b -> b.id().equals(bundleId)).findFirst();
    }

    @Override
    public List<HourBundle> list(TenantId tenant) {
      return bundles;
    }
  }

  private static final class Subscriptions implements SubscriptionRepository {
    private final Subscription ending = new Subscription("s1", CUSTOMER, "Microsoft 365 Business Premium", 40,
        new Money(new BigDecimal("20.60")), Subscription.Period.MONTHLY, LocalDate.of(2025, 12, 21), LocalDate.of(2026, 12, 20),
        false, false, Instant.parse("2025-12-01T09:00:00Z"), 1);

    @Override
    public void create(Subscription subscription, Audit audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public void update(Subscription next, Audit audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public Optional<Subscription> find(TenantId tenant, String id) {
      return Optional.of(ending);
    }

    @Override
    public List<Subscription> list(TenantId tenant) {
      return List.of(ending);
    }
  }

  private static final class DefaultCategories implements CatalogueRepository {
    @Override
    public Catalogue load() {
      return new Catalogue(DefaultCatalogue.CATEGORIES, DefaultCatalogue.REQUEST_TYPES);
    }

    @Override
    public boolean save(nl.klantportaal.ticketing.domain.Category category, long readVersion,
        nl.klantportaal.core.audit.AuditRecord audit, Mode mode) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public boolean save(nl.klantportaal.ticketing.domain.RequestType requestType, long readVersion,
        nl.klantportaal.core.audit.AuditRecord audit, Mode mode) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }
  }

  private static final class Customers implements CustomerRepository {
    private final Customer acme = new Customer(CUSTOMER, new CustomerDetails("Bench Acme B.V.", List.of("bench.example.test"),
        SlaTier.ZILVER, Language.NL, Optional.empty()), RUN, RUN, 1);

    @Override
    public void create(Customer customer, nl.klantportaal.core.audit.AuditRecord audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public void update(Customer previous, Customer customer, nl.klantportaal.core.audit.AuditRecord audit) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public Optional<Customer> find(TenantId id) {
      return Optional.of(acme);
    }

    @Override
    public Optional<TenantId> findByDomain(String emailDomain) {
      return Optional.empty();
    }

    @Override
    public Page<Customer> list(PageRequest page) {
      return new Page<>(List.of(acme), Optional.empty());
    }
  }

  private static final class Records implements ReportRecords {
    private ReportRecord stored;

    @Override
    public boolean startRun(ReportMonth month, Instant at) {
      return true;
    }

    @Override
    public void nextPage(ReportMonth month, int page, String cursor, Instant at) {}

    @Override
    public boolean enqueue(ReportJob job, Instant at) {
      return true;
    }

    @Override
    public Optional<Instant> queuedAt(TenantId tenant, ReportMonth month, int version) {
      throw new UnsupportedOperationException("the benchmark regenerates nothing");
    }

    @Override
    public boolean requeue(ReportJob job, Instant queuedAt, Instant at) {
      throw new UnsupportedOperationException("the benchmark regenerates nothing");
    }

    @Override
    public Optional<ReportRecord> find(TenantId tenant, ReportMonth month) {
      return Optional.ofNullable(stored);
    }

    @Override
    public boolean save(ReportRecord record, String requestedBy, Instant at) {
      stored = record;
      return true;
    }

    @Override
    public List<ReportRecord> list(TenantId tenant) {
      return stored == null ? List.of() : List.of(stored);
    }

    @Override
    public boolean usersSeeReports(TenantId tenant) {
      return false;
    }

    @Override
    public void setUsersSeeReports(TenantId tenant, boolean allowed, String by, Instant at) {}
  }

  private record MemoryFiles(Map<String, byte[]> objects) implements ReportFiles {
    @Override
    public void put(String key, byte[] pdf) {
      objects.put(key, pdf);
    }

    @Override
    public void delete(String key) {
      objects.remove(key);
    }

    @Override
    public Optional<byte[]> read(String key) {
      return Optional.ofNullable(objects.get(key));
    }

    @Override
    public Download presignDownload(String key, String fileName, java.time.Duration validFor) {
      throw new UnsupportedOperationException("the benchmark downloads nothing");
    }
  }

  /** A month with 1,000 ratings, read from memory as the other read ports are. */
  private static final class MonthRatings implements nl.klantportaal.ticketing.port.TicketRatings {
    @Override
    public Recorded record(nl.klantportaal.ticketing.domain.TicketRating rating, nl.klantportaal.ticketing.domain.TicketAudit audit,
        Optional<nl.klantportaal.ticketing.port.SingleUses.SingleUse> use) {
      throw new UnsupportedOperationException("The benchmark only reads");
    }

    @Override
    public Optional<nl.klantportaal.ticketing.domain.TicketRating> of(nl.klantportaal.ticketing.domain.TicketRef ticket) {
      return Optional.empty();
    }

    @Override
    public List<nl.klantportaal.ticketing.domain.TicketRating> ofMonth(nl.klantportaal.core.claims.TenantId customer,
        java.time.YearMonth month, int limit) {
      return List.of();
    }

    @Override
    public nl.klantportaal.ticketing.domain.RatingTotals totals(nl.klantportaal.core.claims.TenantId customer,
        java.time.YearMonth month) {
      return new nl.klantportaal.ticketing.domain.RatingTotals(month, List.of(20, 30, 100, 400, 450));
    }
  }
}
