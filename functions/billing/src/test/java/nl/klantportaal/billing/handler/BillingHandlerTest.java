package nl.klantportaal.billing.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixtures from events/billing/billing through the handler, on DynamoDB Local ("today" is 2026-11-23). */
class BillingHandlerTest {
  private KernelWiring wiring;
  private BillingHandler handler;

  @BeforeEach
  void freshTable() {
    wiring = BillingFixtures.freshWiring();
    handler = new BillingHandler(wiring);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(Lambda.httpEvent("billing/billing/" + fixture));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("billing"));
  }

  private APIGatewayV2HTTPResponse on(String fixture, String parameter, String value) {
    return call(HttpEvents.withPathParameter(Lambda.httpEvent("billing/billing/" + fixture), parameter, value));
  }

  private String createActive(String fixture) {
    var created = call(fixture);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = HttpEvents.json(created).get("bundle").get("id").asText();
    assertEquals(200, on("activate-bundle.json", "bundleId", id).getStatusCode());
    return id;
  }

  private static List<String> fields(APIGatewayV2HTTPResponse response) {
    List<String> fields = new ArrayList<>();
    HttpEvents.json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private int remaining(String bundleId) {
    return HttpEvents.json(on("get-customer-bundle.json", "bundleId", bundleId)).get("bundle").get("minutesRemaining").asInt();
  }

  @Test
  void anOrderedBundleIsPendingUntilActivatedThenTimeComesOffTheOneEndingFirst() {
    var created = call("create-bundle.json");
    assertEquals(201, created.getStatusCode(), created.getBody());
    String later = HttpEvents.json(created).get("bundle").get("id").asText();
    JsonNode own = HttpEvents.ok(call("get-own-bundles.json"));
    assertEquals("pending", own.get("bundles").get(0).get("status").asText());
    assertEquals("Besteld", own.get("bundles").get(0).get("statusLabel").asText());
    assertEquals(0, own.get("activeMinutesRemaining").asInt());

    assertEquals(200, on("activate-bundle.json", "bundleId", later).getStatusCode());
    String sooner = createActive("create-bundle-ending-first.json");

    // 50 minutes round up to 60 (the default: a quarter, at least a quarter); the bundle ending 2026-12-31 pays.
    var booked = call("register-time.json");
    assertEquals(201, booked.getStatusCode(), booked.getBody());
    JsonNode line = HttpEvents.json(booked).get("lines").get(0);
    assertEquals(60, line.get("minutes").asInt());
    assertEquals(50, line.get("registeredMinutes").asInt());
    assertEquals("bundle", line.get("invoiceStatus").asText());
    assertEquals(sooner, line.get("bundleId").asText());
    assertEquals(60, remaining(sooner));
    assertEquals(201, call("register-time.json").getStatusCode());
    assertEquals(0, remaining(sooner));
    var third = HttpEvents.json(call("register-time.json")).get("lines");
    assertEquals(later, third.get(0).get("bundleId").asText());
    assertEquals(540, remaining(later));

    JsonNode overview = HttpEvents.ok(call("get-own-bundles.json"));
    assertEquals(540, overview.get("activeMinutesRemaining").asInt());
    assertEquals(List.of("active", "used-up"), List.of(overview.get("bundles").get(0).get("status").asText(),
        overview.get("bundles").get(1).get("status").asText()));
    assertEquals("not-enough-history", overview.get("forecast").get("kind").asText());
  }

  @Test
  void timeNoBundleCoversIsOverflowToBeInvoicedAndTheMeterShowsItOverBudgetNeverNegative() {
    String sooner = createActive("create-bundle-ending-first.json");
    for (int i = 0; i < 2; i++) {
      assertEquals(201, call("register-time.json").getStatusCode());
    }
    JsonNode lines = HttpEvents.json(call("register-time.json")).get("lines");
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).get("overflow").asBoolean());
    assertEquals("ad-hoc-billable", lines.get(0).get("type").asText());
    assertEquals("to-invoice", lines.get(0).get("invoiceStatus").asText());
    assertEquals("Nog te factureren", lines.get(0).get("invoiceStatusLabel").asText());
    JsonNode overview = HttpEvents.ok(call("get-own-bundles.json"));
    assertEquals(0, overview.get("bundles").get(0).get("minutesRemaining").asInt());
    assertEquals(100, overview.get("bundles").get(0).get("percentUsed").asInt());
    assertEquals(60, overview.get("overBudgetMinutes").asInt());
    assertEquals(0, remaining(sooner));
  }

  @Test
  void theListFiltersByTypeAndPeriodWithTotalsAndValueAndNeverShowsCustomersTheInternalNote() {
    assertEquals(200, call("put-billing-settings.json").getStatusCode());
    assertEquals(201, call("register-time.json").getStatusCode()); // no bundle: 50 → 50 (5-minute rule), ad-hoc billable overflow
    assertEquals(201, call("register-time-ad-hoc-service.json").getStatusCode());
    JsonNode all = HttpEvents.ok(call("get-own-registrations.json"));
    assertEquals(2, all.get("entries").size());
    assertEquals(80, all.get("totals").get("minutes").asInt());
    assertEquals(50, all.get("totals").get("byInvoiceStatus").get("to-invoice").asInt());
    assertEquals(30, all.get("totals").get("byType").get("ad-hoc-service").asInt());
    // 2026-11-20 is before the 105.50 rate (from 2026-11-21): 50 minutes at 95.00 = 79.17.
    assertEquals("79.17", all.get("totals").get("billableValue").asText());
    all.get("entries").forEach(e -> assertFalse(e.has("internalNote") && !e.get("internalNote").isNull(), e.toString()));

    JsonNode adHoc = HttpEvents.ok(call("get-own-registrations-ad-hoc.json"));
    assertEquals(1, adHoc.get("entries").size());
    assertEquals("Ad-Hoc Facturabel", adHoc.get("entries").get(0).get("typeLabel").asText());

    JsonNode staff = HttpEvents.ok(call("get-customer-registrations.json"));
    assertEquals("Driver v3.2 uit de kast gehaald", staff.get("entries").get(0).get("internalNote").asText());
    assertEquals("Agent Smit", staff.get("entries").get(0).get("agentName").asText());
  }

  @Test
  void aCorrectionReversesAndReplacesOnceAndRestoresTheBundle() {
    String sooner = createActive("create-bundle-ending-first.json");
    JsonNode first = HttpEvents.json(call("register-time.json"));
    String registration = first.get("lines").get(0).get("registrationId").asText();
    assertEquals(60, remaining(sooner));

    var corrected = on("correct-registration.json", "registrationId", registration);
    assertEquals(201, corrected.getStatusCode(), corrected.getBody());
    JsonNode lines = HttpEvents.json(corrected).get("lines");
    assertEquals(-60, lines.get(0).get("minutes").asInt());
    assertEquals(registration + ".1", lines.get(0).get("reverses").asText());
    assertEquals(30, lines.get(1).get("minutes").asInt(), "20 minutes round up to 30");
    assertEquals(90, remaining(sooner), "60 back, 30 taken");
    String replacement = lines.get(1).get("registrationId").asText();
    String reversal = lines.get(0).get("registrationId").asText();

    assertProblem(on("correct-registration.json", "registrationId", registration), 400, "validation-failed");
    assertProblem(on("correct-registration.json", "registrationId", reversal), 400, "validation-failed");
    assertEquals(201, on("correct-registration.json", "registrationId", replacement).getStatusCode(),
        "the replacement can itself be corrected");
    assertProblem(on("correct-registration.json", "registrationId", "2026-11-20.zzzzzzzz"), 404, "not-found");

    JsonNode all = HttpEvents.ok(call("get-customer-registrations.json"));
    assertEquals(30, all.get("totals").get("minutes").asInt(), "history stays; the totals net out");
    JsonNode originalLine = null;
    for (JsonNode e : all.get("entries")) {
      if (e.get("registrationId").asText().equals(registration)) {
        originalLine = e;
      }
    }
    assertEquals(replacement, originalLine.get("correctedBy").asText());

    // each booking is audited in its own transaction: the registration, then its correction (ids only)
    var trail = wiring.auditTrail();
    var registered = trail.ofObject(new nl.klantportaal.core.audit.AuditObject("time-registration",
        "acme-fixture:" + registration), nl.klantportaal.core.paging.PageRequest.first(10)).items();
    assertEquals(List.of("time-registered"), registered.stream().map(nl.klantportaal.core.audit.AuditRecord::action).toList());
    var correction = trail.ofObject(new nl.klantportaal.core.audit.AuditObject("time-registration",
        "acme-fixture:" + replacement), nl.klantportaal.core.paging.PageRequest.first(10)).items();
    assertEquals(1, correction.size());
    assertEquals("time-corrected", correction.getFirst().action());
    assertEquals(registration, correction.getFirst().details().get("corrects"));
    assertEquals(registered.getFirst().actorId(), correction.getFirst().actorId(), "the agent's id, not a name");
  }

  @Test
  void customerUsersSeeHoursOnlyWhereTheirCustomerAllowsItAndNobodySeesAnotherTenantsBundle() {
    String bundle = createActive("create-bundle.json");
    assertProblem(call("get-own-bundles-as-user.json"), 403, "forbidden");
    assertEquals(200, call("put-billing-settings.json").getStatusCode());
    assertEquals(200, call("get-own-bundles-as-user.json").getStatusCode());

    assertEquals(200, on("get-own-bundle.json", "bundleId", bundle).getStatusCode());
    var admin = new nl.klantportaal.core.claims.Caller(BillingFixtures.ADMIN, Optional.empty(),
        nl.klantportaal.core.claims.Role.PROVIDER_ADMIN, true, Optional.empty());
    BillingWiring.of(wiring).settings().put(admin, BillingFixtures.GLOBEX,
        new nl.klantportaal.billing.usecase.SettingsInput(15, 15, true, List.of(), null, null, 0L));
    assertProblem(on("get-own-bundle-foreign.json", "bundleId", bundle), 404, "not-found");
    assertProblem(call("get-customer-bundles-unknown.json"), 404, "not-found");
    assertProblem(call("get-customer-bundles-as-customer.json"), 403, "forbidden");
    assertProblem(call("register-time-as-customer.json"), 403, "forbidden");
    assertProblem(call("create-bundle-as-agent.json"), 403, "forbidden");
    assertEquals(1, HttpEvents.ok(call("get-customer-bundles.json")).get("bundles").size());

    var audit = wiring.auditTrail().ofObject(new nl.klantportaal.core.audit.AuditObject("billing-settings", "acme-fixture"),
        nl.klantportaal.core.paging.PageRequest.first(10)).items();
    assertEquals(List.of("billing-settings-saved"), audit.stream().map(nl.klantportaal.core.audit.AuditRecord::action).toList(),
        "the settings' change is audited in its transaction");
    assertEquals(Map.of("version", "1"), audit.get(0).details());
  }

  @Test
  void badInputIsRefusedFieldByFieldAndWritesNothing() {
    assertEquals(List.of("minutes", "validUntil", "price"), fields(call("create-bundle-invalid.json")));
    assertEquals(List.of("date", "minutes", "type", "description"), fields(call("register-time-invalid.json")));
    assertEquals(List.of("date", "minutes"), fields(call("register-time-too-long-and-too-old.json")));
    assertEquals(List.of("ticketNumber"), fields(call("register-time-unknown-ticket.json")));
    assertEquals(List.of("from", "to", "type", "ticket"), fields(call("get-own-registrations-invalid.json")));
    assertEquals(List.of("roundingIncrement", "roundingMinimum", "usersSeeHours", "rates[0].type", "rates[0].effectiveFrom",
        "rates[0].hourly"), fields(call("put-billing-settings-invalid.json")));
    assertEquals(0, HttpEvents.ok(call("get-customer-registrations.json")).get("entries").size());
    assertEquals(0, HttpEvents.ok(call("get-customer-bundles.json")).get("bundles").size());
    assertEquals(0, HttpEvents.ok(call("get-billing-settings.json")).get("version").asInt());
  }

  @Test
  void aRegistrationOnATicketListsUnderThatTicketForStaff() {
    var onTicket = HttpEvents.withQuery(Lambda.httpEvent("billing/billing/get-customer-registrations.json"), "ticket", "42");
    assertEquals(0, HttpEvents.ok(call(onTicket)).get("entries").size());
    var event = Lambda.httpEvent("billing/billing/register-time.json");
    event.setBody(event.getBody().replace("}", ",\"ticketNumber\":42}"));
    assertEquals(201, call(event).getStatusCode());
    assertEquals(201, call("register-time-ad-hoc-service.json").getStatusCode());
    JsonNode listed = HttpEvents.ok(call(HttpEvents.withQuery(Lambda.httpEvent("billing/billing/get-customer-registrations.json"),
        "ticket", "42")));
    assertEquals(1, listed.get("entries").size());
    assertEquals(42, listed.get("entries").get(0).get("ticketNumber").asInt());
  }

  @Test
  void cancellingIsForBundlesNothingWasBookedOn() {
    String bundle = createActive("create-bundle.json");
    assertEquals(201, call("register-time.json").getStatusCode());
    assertProblem(on("cancel-bundle.json", "bundleId", bundle), 409, "illegal-state");
    var fresh = HttpEvents.json(call("create-bundle-ending-first.json")).get("bundle").get("id").asText();
    JsonNode cancelled = HttpEvents.ok(on("cancel-bundle.json", "bundleId", fresh));
    assertEquals("cancelled", cancelled.get("bundle").get("status").asText());
    assertProblem(on("activate-bundle.json", "bundleId", fresh), 409, "illegal-state");
    assertProblem(on("get-customer-bundle.json", "bundleId", "20261123-zzzzzz"), 404, "not-found");
    assertProblem(on("get-own-bundle.json", "bundleId", "x".repeat(2_000)), 404, "not-found"); // was a 500 (key too large)
  }

  @Test
  void aRetriedRegistrationWithTheSameIdempotencyKeyBooksOnce() {
    var first = call("register-time-with-idempotency-key.json");
    var again = call("register-time-with-idempotency-key.json");
    assertEquals(201, first.getStatusCode(), first.getBody());
    assertEquals(first.getBody(), again.getBody());
    assertEquals(1, HttpEvents.ok(call("get-customer-registrations.json")).get("entries").size());
  }
}
