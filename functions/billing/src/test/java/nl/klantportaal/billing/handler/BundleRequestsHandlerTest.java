package nl.klantportaal.billing.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.Test;

/** An approved "extra uren" request becomes one pending bundle linked to it (stream records from events/billing/bundle-requests). */
class BundleRequestsHandlerTest {

  private static Map<String, Object> event(String fixture) {
    return Lambda.jsonEvent("billing/bundle-requests/" + fixture);
  }

  @Test
  void anApprovedRequestOrdersOnePendingBundleAtTheAgreedRateFromTheDesiredStart() {
    KernelWiring wiring = BillingFixtures.freshWiring();
    var admin = new Caller(BillingFixtures.ADMIN, Optional.empty(), Role.PROVIDER_ADMIN, true, Optional.empty());
    BillingWiring.of(wiring).settings().put(admin, BillingFixtures.ACME, new SettingsInput(15, 15, false,
        List.of(new SettingsInput.RateInput("bundle", "2026-01-01", new BigDecimal("90.00"))), null, null, 0L));
    var handler = new BundleRequestsHandler(wiring);
    assertEquals(List.of(), handler.handleRequest(event("approved.json"), Lambda.context("bundle-requests")).getBatchItemFailures());
    assertEquals(List.of(), handler.handleRequest(event("approved.json"), Lambda.context("bundle-requests")).getBatchItemFailures(),
        "the ticket's item is seen again on every later change");

    var overview = BillingWiring.of(wiring).viewHours().overview(BillingFixtures.ACME, nl.klantportaal.core.shared.domain.Language.NL);
    assertEquals(1, overview.bundles().size(), "one bundle per request");
    var bundle = overview.bundles().getFirst();
    assertEquals("pending", bundle.status());
    assertEquals("Besteld", bundle.statusLabel());
    assertEquals(450, bundle.minutesBought(), "7.5 hours");
    assertEquals("2026-12-01", bundle.validFrom());
    assertEquals("2027-11-30", bundle.validUntil());
    assertEquals("675.00", bundle.price());
    assertEquals(Optional.of(42L), bundle.requestTicket());
  }

  @Test
  void hoursThatMakeNoBundleOrderNothingAndFailNothing() {
    KernelWiring wiring = BillingFixtures.freshWiring();
    var answer = new BundleRequestsHandler(wiring).handleRequest(event("approved-unusable-hours.json"), Lambda.context("bundle-requests"));
    assertEquals(List.of(), answer.getBatchItemFailures());
    List<HourBundle> bundles = new nl.klantportaal.billing.adapter.dynamodb.DynamoDbBundles(wiring.table()).list(BillingFixtures.ACME);
    assertTrue(bundles.isEmpty());
  }
}
