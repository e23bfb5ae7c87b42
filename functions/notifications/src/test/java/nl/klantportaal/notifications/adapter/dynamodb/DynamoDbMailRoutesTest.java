package nl.klantportaal.notifications.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.port.MailRoutes.Mode;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mail routes' conditional puts on DynamoDB Local: two admins who read the same version both save, and only the
 * first save lands (the second is refused with nothing written, its audit entry neither); two create-only puts of one
 * domain, likewise; a route stored before routes had versions reads as 0 and stays editable.
 */
class DynamoDbMailRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private static final String DOMAIN = "strict-mail.example.test";
  private KernelWiring wiring;
  private DynamoDbMailRoutes routes;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.fixed(NOW, ZoneOffset.UTC));
    routes = new DynamoDbMailRoutes(wiring.table());
  }

  /** The route {@code by} saves on the version read: stored at {@code read + 1}. */
  private static MailRoute route(String set, String by, long read) {
    return new MailRoute(DOMAIN, set, "servicedesk@mail2.provider.example.test", NOW, by, read + 1);
  }

  private MailRoute stored() {
    return routes.find(DOMAIN).orElseThrow();
  }

  private List<String> audited() {
    return wiring.auditTrail().ofObject(new AuditObject("mail-route", DOMAIN), PageRequest.first(10)).items().stream()
        .map(e -> e.actorId() + " v" + e.details().get("version")).sorted().toList();
  }

  @Test
  void twoSavesOnTheSameVersionOnlyTheFirstLands() {
    // both admins saw no route (version 0) and add one
    assertTrue(routes.put(route("anna-set", "anna", 0), Mode.REPLACE));
    assertFalse(routes.put(route("bram-set", "bram", 0), Mode.REPLACE), "Bram's create no longer overwrites Anna's");
    assertEquals("anna-set", stored().configurationSet());
    assertEquals(1, stored().version());

    // both read version 1 and change it
    assertTrue(routes.put(route("anna-set-2", "anna", 1), Mode.REPLACE));
    assertFalse(routes.put(route("bram-set-2", "bram", 1), Mode.REPLACE));
    assertEquals("anna-set-2", stored().configurationSet());
    assertEquals(2, stored().version());
    assertEquals(2, routes.list(PageRequest.first(10)).items().getFirst().version(), "the list reads the version too");
    assertEquals(List.of("anna v1", "anna v2"), audited(), "the refused saves wrote no audit entry: it is in their transaction");
  }

  @Test
  void twoCreateOnlyPutsOfOneDomainOnlyTheFirstLands() {
    assertTrue(routes.put(route("anna-set", "anna", 0), Mode.CREATE));
    assertFalse(routes.put(route("bram-set", "bram", 0), Mode.CREATE));
    assertEquals("anna-set", stored().configurationSet());
    assertEquals(List.of("anna v1"), audited());
  }

  @Test
  void aRemovalHoldsOnlyOnTheVersionReadAndARouteStoredBeforeVersionsGoesOnZero() {
    assertTrue(routes.put(route("anna-set", "anna", 0), Mode.REPLACE));
    assertTrue(routes.put(route("bram-set", "bram", 1), Mode.REPLACE));
    var removal = AuditRecord.of(NOW, "anna", "mail-route-deleted", new AuditObject("mail-route", DOMAIN));
    assertFalse(routes.delete(DOMAIN, 1, removal), "Anna read version 1: Bram's version 2 is not hers to remove");
    assertFalse(routes.delete(DOMAIN, 0, removal));
    assertEquals("bram-set", stored().configurationSet());
    assertTrue(routes.delete(DOMAIN, 2, removal));
    assertTrue(routes.find(DOMAIN).isEmpty());
    assertFalse(routes.delete(DOMAIN, 2, removal), "nothing left to remove");

    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.MAIL_ROUTES), Keys.SK, AttributeValue.fromS(DOMAIN),
        "type", AttributeValue.fromS("MailRoute"), "configurationSet", AttributeValue.fromS("old-set"),
        "senderAddress", AttributeValue.fromS("old@provider.example.test"), "updatedAt", AttributeValue.fromS(NOW.toString()),
        "updatedBy", AttributeValue.fromS("admin"))));
    assertFalse(routes.delete(DOMAIN, 1, removal), "stored before versions: it reads as 0");
    assertTrue(routes.delete(DOMAIN, 0, removal));
    assertTrue(routes.find(DOMAIN).isEmpty());
  }

  @Test
  void aRouteStoredBeforeVersionsReadsAsZeroAndStaysEditable() {
    // as routes were written until now: no version attribute
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.MAIL_ROUTES), Keys.SK, AttributeValue.fromS(DOMAIN),
        "type", AttributeValue.fromS("MailRoute"), "configurationSet", AttributeValue.fromS("old-set"),
        "senderAddress", AttributeValue.fromS("old@provider.example.test"), "updatedAt", AttributeValue.fromS(NOW.toString()),
        "updatedBy", AttributeValue.fromS("admin"))));
    assertEquals(0, stored().version());
    assertEquals(0, routes.all().getFirst().version());

    assertFalse(routes.put(route("new-set", "anna", 0), Mode.CREATE), "it is stored: a create-only put does not take it");
    assertFalse(routes.put(route("new-set", "anna", 4), Mode.REPLACE), "a version it never had");
    assertTrue(routes.put(route("new-set", "anna", 0), Mode.REPLACE), "an edit on the version read, 0");
    assertEquals(1, stored().version());
    assertFalse(routes.put(route("other-set", "bram", 0), Mode.REPLACE), "once saved it has a version: 0 is stale");
    assertEquals("new-set", stored().configurationSet());
  }

  @Test
  void aRouteRemovedMeanwhileIsNotBroughtBackByAChangeOnItsOldVersion() {
    assertTrue(routes.put(route("anna-set", "anna", 0), Mode.REPLACE));
    assertTrue(routes.delete(DOMAIN, 1, AuditRecord.of(NOW, "anna", "mail-route-deleted", new AuditObject("mail-route", DOMAIN))));
    assertFalse(routes.put(route("bram-set", "bram", 1), Mode.REPLACE));
    assertTrue(routes.find(DOMAIN).isEmpty());
  }
}
