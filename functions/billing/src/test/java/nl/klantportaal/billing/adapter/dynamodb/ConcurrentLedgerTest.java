package nl.klantportaal.billing.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.handler.BillingFixtures;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.billing.usecase.BundleInput;
import nl.klantportaal.billing.usecase.RegistrationInput;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import org.junit.jupiter.api.Test;

/**
 * 200 registrations at once on one customer with two bundles, on DynamoDB Local: every minute lands
 * exactly once, no balance goes below zero, and what the bundles could not hold is overflow to invoice.
 */
class ConcurrentLedgerTest {
  private static final Caller AGENT = new Caller(BillingFixtures.AGENT, Optional.empty(), Role.PROVIDER_AGENT, true,
      Optional.empty());
  private static final Caller ADMIN = new Caller(new UserId("0a1b2c3d-0000-4000-8000-0000000a0002"), Optional.empty(),
      Role.PROVIDER_ADMIN, true, Optional.empty());

  @Test
  void twoHundredConcurrentRegistrationsSpendEveryMinuteOnceAndOverflowTheRest() throws Exception {
    var wiring = BillingFixtures.freshWiring();
    var billing = BillingWiring.of(wiring);
    billing.settings().put(ADMIN, BillingFixtures.ACME, new SettingsInput(1, 0, false, List.of(), null, null, 0L));
    var bundles = billing.manageBundles();
    HourBundle first = bundles.create(ADMIN, BillingFixtures.ACME,
        new BundleInput(1000, "2026-01-01", "2026-12-31", new BigDecimal("1500.00"), null));
    HourBundle second = bundles.create(ADMIN, BillingFixtures.ACME,
        new BundleInput(1500, "2026-06-01", "2027-06-30", new BigDecimal("2100.00"), null));
    bundles.activate(ADMIN, BillingFixtures.ACME, first.id());
    bundles.activate(ADMIN, BillingFixtures.ACME, second.id());

    var register = billing.registerTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<LedgerChange>> results = new ArrayList<>();
    int expected = 0;
    for (int i = 0; i < 200; i++) {
      int minutes = 7 + (i * 13) % 31; // 7..37: registrations split across a bundle's last minutes and the next
      expected += minutes;
      String day = String.format("2026-11-%02d", 1 + i % 22);
      results.add(pool.submit(() -> register.execute(AGENT, BillingFixtures.ACME,
          new RegistrationInput(day, minutes, "bundle", "Werk " + minutes, null, null))));
    }
    List<LedgerChange> changes = new ArrayList<>();
    for (Future<LedgerChange> result : results) {
      changes.add(result.get());
    }
    pool.shutdown();

    for (LedgerChange change : changes) {
      int registered = change.lines().getFirst().registeredMinutes();
      assertEquals(registered, change.lines().stream().mapToInt(TimeEntry::minutes).sum(), "a registration's lines add up");
    }
    List<TimeEntry> ledger = new DynamoDbTimeLedger(wiring.table(), new DynamoDbBundles(wiring.table())).entries(BillingFixtures.ACME,
        new TimeLedger.Period(java.time.LocalDate.parse("2026-11-01"), java.time.LocalDate.parse("2026-11-30")),
        Optional.empty(), Optional.empty());
    assertEquals(expected, ledger.stream().mapToInt(TimeEntry::minutes).sum(), "every minute registered is in the ledger once");
    Map<String, Integer> byBundle = ledger.stream().filter(e -> e.status() instanceof InvoiceStatus.InBundle)
        .collect(Collectors.groupingBy(e -> ((InvoiceStatus.InBundle) e.status()).bundleId(), Collectors.summingInt(TimeEntry::minutes)));
    assertEquals(Map.of(first.id(), 1000, second.id(), 1500), byBundle, "both bundles spent exactly");
    List<HourBundle> after = new DynamoDbBundles(wiring.table()).list(BillingFixtures.ACME);
    after.forEach(b -> assertEquals(0, b.remainingMinutes(), b.id() + " is used up, not below zero"));
    int overflow = ledger.stream().filter(TimeEntry::overflow).mapToInt(TimeEntry::minutes).sum();
    assertEquals(expected - 2500, overflow);
    assertTrue(ledger.stream().filter(TimeEntry::overflow).allMatch(e -> e.status() instanceof InvoiceStatus.ToInvoice
        && e.type() == RegistrationType.AD_HOC_BILLABLE), "overflow is ad-hoc billable, to be invoiced");
  }
}
