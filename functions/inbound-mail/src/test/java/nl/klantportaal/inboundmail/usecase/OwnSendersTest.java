package nl.klantportaal.inboundmail.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routes' sender addresses as own addresses, read from the routing table on DynamoDB Local (keyed Query, no Scan). */
class OwnSendersTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private final MovableClock clock = new MovableClock(T0);
  private MailRoutes routes;

  @BeforeEach
  void emptyTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.systemUTC());
    routes = NotificationWiring.of(wiring).mailRoutes();
  }

  @Test
  void everyRoutesSenderIsOwnBesideThePortalsAddress() {
    route("acme.example", "Servicedesk <Servicedesk@Route-A.example>");
    route("beta.example", "noreply@route-b.example");
    route("gamma.example", "noreply@route-c.example");
    OwnSenders own = new OwnSenders(Set.of("no-reply@klantportaal.example"), "klantportaal.example", routes, clock);

    assertEquals(Set.of("no-reply@klantportaal.example", "servicedesk@route-a.example", "noreply@route-b.example",
        "noreply@route-c.example"), own.current().senderAddresses(), "display names and case dropped");
    assertEquals("klantportaal.example", own.current().messageIdDomain());
  }

  @Test
  void aContainerReadsTheRoutesAgainOnlyOnceTheLastReadIsAMinuteOld() {
    route("acme.example", "noreply@route-a.example");
    OwnSenders own = new OwnSenders(Set.of("no-reply@klantportaal.example"), "klantportaal.example", routes, clock);
    assertTrue(own.current().senderAddresses().contains("noreply@route-a.example"));

    route("beta.example", "noreply@route-b.example");
    routes.delete("acme.example", 1, nl.klantportaal.core.audit.AuditRecord.of(T0, "admin", "mail-route-deleted",
        new nl.klantportaal.core.audit.AuditObject("mail-route", "acme.example")));
    clock.advance(OwnSenders.MAX_AGE.minusSeconds(1));
    assertFalse(own.current().senderAddresses().contains("noreply@route-b.example"), "a new route waits for the next read");
    assertTrue(own.current().senderAddresses().contains("noreply@route-a.example"), "a removed route stays own until then");

    clock.advance(Duration.ofSeconds(1));
    assertEquals(Set.of("no-reply@klantportaal.example", "noreply@route-b.example"), own.current().senderAddresses());
  }

  @Test
  void moreRoutesThanAnAdminPageAreReadWithoutACursorSoWithoutTheCursorKey() {
    // As on AWS, the cursor key would come from Secrets Manager, which the inbound function may not read:
    // here an endpoint nobody listens on, so a cursor (a page of 100 with more behind it) would fail.
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    env.remove("CURSOR_KEY");
    env.put("CURSOR_KEY_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:cursor-key");
    env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9");
    routes = NotificationWiring.of(new KernelWiring(Config.fromEnvironment(env), Clock.systemUTC())).mailRoutes();
    for (int i = 0; i < 101; i++) {
      route("klant" + i + ".example", "noreply@route-" + i + ".example");
    }
    OwnSenders own = new OwnSenders(Set.of("no-reply@klantportaal.example"), "klantportaal.example", routes, clock);
    assertEquals(102, own.current().senderAddresses().size());
    assertTrue(own.current().senderAddresses().contains("noreply@route-100.example"));
  }

  @Test
  void withoutRoutesOnlyThePortalsAddressIsOwn() {
    OwnSenders own = new OwnSenders(Set.of("no-reply@klantportaal.example"), "klantportaal.example", routes, clock);
    assertEquals(Set.of("no-reply@klantportaal.example"), own.current().senderAddresses());
  }

  private void route(String domain, String sender) {
    routes.put(new MailRoute(domain, "alternate-set", sender, T0, "admin", 1), MailRoutes.Mode.CREATE);
  }
}
