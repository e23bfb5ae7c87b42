package nl.klantportaal.notifications.handler;

import nl.klantportaal.notifications.wiring.NotificationWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixtures from events/notifications/mail-routes through the handler, on DynamoDB Local. */
class MailRoutesHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private KernelWiring wiring;
  private MailRoutesHandler handler;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    wiring = new KernelWiring(Config.fromEnvironment(env), Clock.fixed(NOW, ZoneOffset.UTC));
    handler = new MailRoutesHandler(wiring);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("notifications/mail-routes/" + fixture), Lambda.context("mail-routes"));
  }

  @Test
  void aProviderAdminSetsListsAndDeletesARoute() {
    var put = call("put.json");
    assertEquals(200, put.getStatusCode(), put.getBody());
    JsonNode route = HttpEvents.json(put);
    assertEquals("strict-mail.example.test", route.get("domain").asText());
    assertEquals("klantportaal-alt-provider", route.get("configurationSet").asText());
    assertEquals("servicedesk@mail2.provider.example.test", route.get("senderAddress").asText());
    assertEquals("0a1b2c3d-0000-4000-8000-00000000ad01", route.get("updatedBy").asText());
    assertEquals(1, route.get("version").asLong(), "a new route is stored at version 1");
    assertEquals("klantportaal-alt-provider", NotificationWiring.of(wiring).mailRoutes().find("strict-mail.example.test").orElseThrow().configurationSet());

    JsonNode list = HttpEvents.json(call("list.json"));
    assertEquals(1, list.get("items").size(), list.toString());
    assertEquals("strict-mail.example.test", list.get("items").get(0).get("domain").asText());
    assertEquals(1, list.get("items").get(0).get("version").asLong(), "the list names each route's version");

    assertEquals(204, call("delete.json").getStatusCode());
    assertTrue(NotificationWiring.of(wiring).mailRoutes().find("strict-mail.example.test").isEmpty());
    assertEquals(0, HttpEvents.json(call("list.json")).get("items").size());
  }

  /** put.json with {@code version} set (or left out: {@code null}), another configuration set, and If-None-Match if given. */
  private APIGatewayV2HTTPResponse put(Long version, String configurationSet, String ifNoneMatch) {
    var event = HttpEvents.withVersion(Lambda.httpEvent("notifications/mail-routes/put.json"), version,
        body -> body.put("configurationSet", configurationSet));
    if (ifNoneMatch != null) {
      var headers = new java.util.HashMap<>(event.getHeaders());
      headers.put("if-none-match", ifNoneMatch);
      event.setHeaders(headers);
    }
    return handler.handleRequest(event, Lambda.context("mail-routes"));
  }

  private String storedSet() {
    return NotificationWiring.of(wiring).mailRoutes().find("strict-mail.example.test").orElseThrow().configurationSet();
  }

  private List<String> audited() {
    return wiring.auditTrail().ofObject(new AuditObject("mail-route", "strict-mail.example.test"), PageRequest.first(20)).items()
        .stream().map(e -> e.action() + " v" + e.details().get("version")).sorted().toList();
  }

  @Test
  void aChangeIsMadeOnTheVersionReadAndAStaleOneIsAVersionConflictThatChangesNothing() {
    // Anna and Bram both see no route for the domain (version 0) and both add one: Anna's lands, Bram's no longer overwrites it
    assertEquals(1, HttpEvents.ok(put(0L, "anna-set", null)).get("version").asLong());
    var bram = put(0L, "bram-set", null);
    HttpEvents.assertProblem(bram, 409, "version-conflict");
    assertTrue(HttpEvents.json(bram).get("detail").asText().contains("strict-mail.example.test"), bram.getBody());
    assertEquals("anna-set", storedSet());

    // both read version 1 and change it
    assertEquals(2, HttpEvents.ok(put(1L, "anna-set-2", null)).get("version").asLong());
    HttpEvents.assertProblem(put(1L, "bram-set-2", null), 409, "version-conflict");
    assertEquals("anna-set-2", storedSet());
    assertEquals(2, NotificationWiring.of(wiring).mailRoutes().find("strict-mail.example.test").orElseThrow().version());
    assertEquals(List.of("mail-route-saved v1", "mail-route-saved v2"), audited(), "the refused saves wrote no audit entry");

    // Bram reads it again: on version 2 his change lands
    assertEquals(3, HttpEvents.ok(put(2L, "bram-set-2", null)).get("version").asLong());
    assertEquals("bram-set-2", storedSet());
  }

  /** delete.json with {@code ?version=} set to {@code version}. */
  private APIGatewayV2HTTPResponse delete(String version) {
    var event = Lambda.httpEvent("notifications/mail-routes/delete.json");
    event.setRawQueryString("version=" + version);
    event.setQueryStringParameters(Map.of("version", version));
    return handler.handleRequest(event, Lambda.context("mail-routes"));
  }

  @Test
  void aRemovalIsMadeOnTheVersionReadAndNeverTakesAwayAChangeItsAuthorDidNotSee() {
    // Anna and Bram both read version 1; Bram changes it, then Anna's removal of what she read is refused
    assertEquals(1, HttpEvents.ok(put(0L, "anna-set", null)).get("version").asLong());
    assertEquals(2, HttpEvents.ok(put(1L, "bram-set", null)).get("version").asLong());
    var anna = delete("1");
    HttpEvents.assertProblem(anna, 409, "version-conflict");
    assertTrue(HttpEvents.json(anna).get("detail").asText().contains("strict-mail.example.test"), anna.getBody());
    assertEquals("bram-set", storedSet(), "Bram's change stays");
    HttpEvents.assertProblem(delete("2.0"), 400, "validation-failed");
    HttpEvents.assertProblem(delete("-2"), 400, "validation-failed");
    assertEquals(List.of("mail-route-saved v1", "mail-route-saved v2"), audited(), "the refused removals wrote no audit entry");

    // read again, on version 2 it goes; once gone, a removal is 404
    assertEquals(204, delete("2").getStatusCode());
    assertTrue(NotificationWiring.of(wiring).mailRoutes().find("strict-mail.example.test").isEmpty());
    HttpEvents.assertProblem(delete("2"), 404, "not-found");
  }

  @Test
  void aPutWithoutVersionOrIfNoneMatchIsRefusedAndNeverReplacesBlindly() {
    HttpEvents.ok(put(0L, "anna-set", null));
    var blind = put(null, "blind-set", null);
    HttpEvents.assertProblem(blind, 400, "validation-failed");
    assertEquals("version", HttpEvents.json(blind).get("errors").get(0).get("field").asText());
    assertEquals("required", HttpEvents.json(blind).get("errors").get(0).get("code").asText());
    HttpEvents.assertProblem(put(-1L, "blind-set", null), 400, "validation-failed");
    assertEquals("anna-set", storedSet());
  }

  @Test
  void withIfNoneMatchAPutOnlyAddsARouteAndNeverReplacesOne() {
    JsonNode created = HttpEvents.ok(put(null, "anna-set", "*"));
    assertEquals(1, created.get("version").asLong(), "a create needs no version");
    var again = put(null, "bram-set", "*");
    HttpEvents.assertProblem(again, 409, "already-exists");
    assertTrue(HttpEvents.json(again).get("detail").asText().contains("strict-mail.example.test"), again.getBody());
    HttpEvents.assertProblem(put(0L, "bram-set", "*"), 409, "already-exists");
    assertEquals("anna-set", storedSet());
    assertEquals(List.of("mail-route-saved v1"), audited());

    var versioned = put(1L, "bram-set", "*");
    HttpEvents.assertProblem(versioned, 400, "validation-failed");
    assertEquals("version", HttpEvents.json(versioned).get("errors").get(0).get("field").asText());
    HttpEvents.assertProblem(put(null, "bram-set", "\"v1\""), 400, "invalid-parameter");
    assertEquals("anna-set", storedSet());
  }

  @ParameterizedTest
  @CsvSource({
      "put-invalid.json, 400, validation-failed",
      "put-bad-domain.json, 400, validation-failed",
      "put-unknown-field.json, 400, validation-failed",
      "put-as-customer-admin.json, 403, forbidden",
      "list-as-provider-agent.json, 403, forbidden",
      "delete-unknown.json, 404, not-found",
      "delete-without-version.json, 400, validation-failed"})
  void badInputAndOtherRolesAreRefusedWithProblemJson(String fixture, int status, String type) {
    var response = call(fixture);
    HttpEvents.assertProblem(response, status, type);
    assertEquals("urn:klantportaal:problem:" + type, HttpEvents.json(response).get("type").asText(), response.getBody());
    assertTrue(NotificationWiring.of(wiring).mailRoutes().find("strict-mail.example.test").isEmpty(), "nothing was stored");
  }

  @Test
  void invalidFieldsAreAllNamed() {
    JsonNode body = HttpEvents.json(call("put-invalid.json"));
    assertEquals(2, body.get("errors").size(), body.toString());
    assertEquals("configurationSet", body.get("errors").get(0).get("field").asText());
    assertEquals("senderAddress", body.get("errors").get(1).get("field").asText());
  }

  @Test
  void staffSeeFailingAddressesWithTheirReasonAndAProviderAdminClearsOne() {
    var failing = NotificationWiring.of(wiring).failingAddresses();
    var bounced = new nl.klantportaal.notifications.domain.FailingAddress("oud@acme.example.test",
        nl.klantportaal.notifications.domain.FailingAddress.Reason.PERMANENT_BOUNCE, "5.1.1 <oud@acme.example.test>: user unknown", NOW);
    failing.mark(bounced);
    JsonNode list = HttpEvents.ok(call("list-failing-addresses.json"));
    assertEquals("oud@acme.example.test", list.get("items").get(0).get("address").asText());
    assertEquals("Onbestelbaar (permanente fout)", list.get("items").get(0).get("reasonLabel").asText());
    assertEquals(bounced.id(), list.get("items").get(0).get("id").asText());

    HttpEvents.assertProblem(call("clear-failing-address-as-provider-agent.json"), 403, "forbidden");
    HttpEvents.assertProblem(call("clear-failing-address.json"), 404, "not-found");
    var clear = handler.handleRequest(HttpEvents.withPathParameter(
        Lambda.httpEvent("notifications/mail-routes/clear-failing-address.json"), "addressId", bounced.id()), Lambda.context("mail-routes"));
    assertEquals(204, clear.getStatusCode());
    assertTrue(failing.find("oud@acme.example.test").isEmpty());

    var trail = wiring.auditTrail().ofObject(new nl.klantportaal.core.audit.AuditObject("failing-address", bounced.id()),
        nl.klantportaal.core.paging.PageRequest.first(10)).items();
    assertEquals(java.util.Set.of("failing-address-cleared", "failing-address-marked"),
        trail.stream().map(nl.klantportaal.core.audit.AuditRecord::action).collect(java.util.stream.Collectors.toSet()));
    assertEquals(nl.klantportaal.core.audit.AuditRecord.SYSTEM, trail.stream()
        .filter(e -> e.action().equals("failing-address-marked")).findFirst().orElseThrow().actorId(), "SES feedback marks it");
    assertTrue(trail.stream().noneMatch(e -> e.details().toString().contains("oud@")), "the address itself is in no entry");
  }
}
