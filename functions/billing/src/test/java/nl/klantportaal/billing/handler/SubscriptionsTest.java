package nl.klantportaal.billing.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions through the handler ("today" 2026-11-23), and their expiry notices through the daily job. */
class SubscriptionsTest {
  private KernelWiring wiring;
  private BillingHandler handler;
  private RecordingMailSender mail;

  @BeforeEach
  void freshTable() {
    wiring = BillingFixtures.freshWiring();
    handler = new BillingHandler(wiring);
    mail = new RecordingMailSender();
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("billing/billing/" + fixture), Lambda.context("billing"));
  }

  private APIGatewayV2HTTPResponse on(String fixture, String id) {
    return handler.handleRequest(HttpEvents.withPathParameter(Lambda.httpEvent("billing/billing/" + fixture), "subscriptionId", id),
        Lambda.context("billing"));
  }

  private void noticesAt(String time) {
    var event = Lambda.scheduledEvent("billing/hour-notices/scheduled.json", Instant.parse(time));
    new HourNoticesHandler(wiring, mail).handleRequest(event, Lambda.context("hour-notices"));
  }

  private List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    mail.sent().forEach(m -> subjects.add(m.to() + " " + m.subject()));
    return subjects;
  }

  @Test
  void providerAdminsManageSubscriptionsAndTheCustomerSeesCostDatesAndStatus() {
    var created = call("create-subscription.json");
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = HttpEvents.json(created).get("id").asText();
    JsonNode own = HttpEvents.ok(call("get-own-subscriptions.json")).get("subscriptions").get(0);
    assertEquals("Microsoft 365 Business Premium", own.get("service").asText());
    assertEquals("247.20", own.get("periodPrice").asText(), "12 × 20.60 per month");
    assertEquals("per maand", own.get("periodLabel").asText());
    assertEquals("ending", own.get("status").asText(), "ends 2027-01-10, within 60 days, does not renew");
    assertEquals("Loopt binnenkort af", own.get("statusLabel").asText());

    JsonNode changed = HttpEvents.ok(on("change-subscription.json", id));
    assertEquals(15, changed.get("quantity").asInt());
    assertEquals(2, changed.get("version").asInt());
    assertProblem(on("change-subscription.json", id), 409, "version-conflict");
    JsonNode cancelled = HttpEvents.ok(on("cancel-subscription.json", id));
    assertEquals("cancelled", cancelled.get("status").asText());
    assertProblem(on("cancel-subscription.json", id), 409, "illegal-state");

    assertEquals(201, call("create-subscription-renewing.json").getStatusCode());
    JsonNode renewing = HttpEvents.ok(call("get-customer-subscriptions.json")).get("subscriptions").get(0);
    assertEquals("active", renewing.get("status").asText());
    assertEquals("2027-01-10", renewing.get("currentEnd").asText());
  }

  @Test
  void badInputRolesAndOtherTenantsAreRefusedAndNothingIsWritten() {
    List<String> fields = new ArrayList<>();
    HttpEvents.json(call("create-subscription-invalid.json")).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("service", "quantity", "unitPrice", "period", "endDate"), fields);
    assertProblem(call("create-subscription-as-agent.json"), 403, "forbidden");
    assertEquals(0, HttpEvents.ok(call("get-customer-subscriptions.json")).get("subscriptions").size());
    assertEquals(201, call("create-subscription.json").getStatusCode());
    var admin = new Caller(BillingFixtures.ADMIN, Optional.empty(), Role.PROVIDER_ADMIN, true, Optional.empty());
    BillingWiring.of(wiring).settings().put(admin, BillingFixtures.GLOBEX, new SettingsInput(15, 15, true, List.of(), null, null, 0L));
    assertEquals(0, HttpEvents.ok(call("get-own-subscriptions-foreign.json")).get("subscriptions").size(),
        "Globex sees none of Acme's subscriptions");
    assertProblem(on("cancel-subscription.json", "20261123-zzzzzz"), 404, "not-found");
  }

  @Test
  void aPeriodPriceOrAnHourlyRateTooLargeToShowIsAFieldErrorAndNothingIsStored() {
    var subscription = Lambda.httpEvent("billing/billing/create-subscription.json");
    subscription.setBody(subscription.getBody().replace("\"quantity\": 12, \"unitPrice\": 20.6",
        "\"quantity\": 100000, \"unitPrice\": 100"));
    var refused = handler.handleRequest(subscription, Lambda.context("billing"));
    assertProblem(refused, 400, "validation-failed");
    JsonNode error = HttpEvents.json(refused).get("errors").get(0);
    assertEquals("unitPrice too-large", error.get("field").asText() + " " + error.get("code").asText());
    assertEquals(0, HttpEvents.ok(call("get-customer-subscriptions.json")).get("subscriptions").size());
    subscription.setBody(subscription.getBody().replace("\"unitPrice\": 100", "\"unitPrice\": 99.99"));
    assertEquals("9999000.00", HttpEvents.json(handler.handleRequest(subscription, Lambda.context("billing")))
        .get("periodPrice").asText(), "just below the limit");

    var settings = Lambda.httpEvent("billing/billing/put-billing-settings.json");
    settings.setBody(settings.getBody().replace("\"hourly\": 105.5", "\"hourly\": 1000"));
    var rate = handler.handleRequest(settings, Lambda.context("billing"));
    assertProblem(rate, 400, "validation-failed");
    assertEquals("rates[1].hourly too-large", HttpEvents.json(rate).get("errors").get(0).get("field").asText() + " "
        + HttpEvents.json(rate).get("errors").get(0).get("code").asText());
  }

  @Test
  void aSubscriptionThatDoesNotRenewIsAnnouncedSixtyAndThirtyDaysBeforeItsEndOnceEach() {
    assertEquals(201, call("create-subscription.json").getStatusCode()); // ends 2027-01-10: 60 days before is already past
    assertEquals(201, call("create-subscription-renewing.json").getStatusCode()); // renews: never announced
    noticesAt("2026-11-24T06:00:00Z");
    noticesAt("2026-11-25T06:00:00Z");
    String subject = "anna@example.test Uw abonnement Microsoft 365 Business Premium loopt af op 10 januari 2027";
    assertEquals(List.of(subject), subjects());
    noticesAt("2026-12-11T06:00:00Z"); // 30 days before
    noticesAt("2026-12-12T06:00:00Z");
    assertEquals(List.of(subject, subject), subjects());
    assertTrue(mail.sent().getFirst().text().contains("wordt niet automatisch verlengd"));
  }
}
