package nl.klantportaal.ticketing.adapter.dynamodb;

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
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.DefaultCatalogue;
import nl.klantportaal.ticketing.domain.RequestType;
import nl.klantportaal.ticketing.port.CatalogueRepository.Mode;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalogue's conditional puts on DynamoDB Local: two admins who read the same version both save, and only the
 * first save lands (the second is refused with nothing written, its audit entry neither); two create-only puts of one
 * new id, likewise; an entry stored before entries had versions reads as 0 and stays editable.
 */
class DynamoDbCatalogueRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private KernelWiring wiring;
  private DynamoDbCatalogueRepository repository;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.fixed(NOW, ZoneOffset.UTC));
    repository = new DynamoDbCatalogueRepository(wiring.table());
  }

  private static Category category(String id, String name) {
    return new Category(id, new LocalizedText(name, name + " (en)", name + " (de)"), true);
  }

  private static AuditRecord audit(String kind, String id, String by) {
    return new AuditRecord(NOW, by, kind + "-saved", new AuditObject(kind, id), Map.of());
  }

  private List<AuditRecord> trail(String kind, String id) {
    return wiring.auditTrail().ofObject(new AuditObject(kind, id), PageRequest.first(10)).items();
  }

  private Category storedCategory(String id) {
    return repository.load().categories().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void shippedEntriesReadAsVersionZeroAndEverySaveIsOneVersionOn() {
    Catalogue shipped = repository.load();
    assertEquals(0, shipped.categoryVersion("workplace"));
    assertEquals(0, shipped.requestTypeVersion(DefaultCatalogue.REQUEST_TYPES.getFirst().id()));

    assertTrue(repository.save(category("workplace", "Werkplek"), 0, audit("category", "workplace", "anna"), Mode.REPLACE));
    assertEquals(1, repository.load().categoryVersion("workplace"));
    assertTrue(repository.save(category("workplace", "Werkplekken"), 1, audit("category", "workplace", "anna"), Mode.REPLACE));
    assertEquals(2, repository.load().categoryVersion("workplace"));
    assertEquals("Werkplekken", storedCategory("workplace").name().nl());
  }

  @Test
  void twoEditsOnTheSameVersionOnlyTheFirstLands() {
    // Anna and Bram both read the shipped category (version 0), then both save
    assertTrue(repository.save(category("workplace", "Anna's"), 0, audit("category", "workplace", "anna"), Mode.REPLACE));
    assertFalse(repository.save(category("workplace", "Bram's"), 0, audit("category", "workplace", "bram"), Mode.REPLACE),
        "Bram's save was made on the version Anna's replaced");
    assertEquals("Anna's", storedCategory("workplace").name().nl());
    assertEquals(1, repository.load().categoryVersion("workplace"));
    assertEquals(List.of("anna"), trail("category", "workplace").stream().map(AuditRecord::actorId).toList(),
        "the refused save wrote no audit entry: it is in the same transaction");

    // and again on a stored version: both read 1
    assertTrue(repository.save(category("workplace", "Anna's again"), 1, audit("category", "workplace", "anna"), Mode.REPLACE));
    assertFalse(repository.save(category("workplace", "Bram's again"), 1, audit("category", "workplace", "bram"), Mode.REPLACE));
    assertEquals("Anna's again", storedCategory("workplace").name().nl());
    assertEquals(2, repository.load().categoryVersion("workplace"));
    assertEquals(2, trail("category", "workplace").size());

    // a request type the same way
    RequestType shipped = DefaultCatalogue.REQUEST_TYPES.getFirst();
    RequestType anna = new RequestType(shipped.id(), shipped.name(), new LocalizedText("Anna", "Anna", "Anna"),
        shipped.category(), shipped.form(), shipped.approvalRequired(), true);
    RequestType bram = new RequestType(shipped.id(), shipped.name(), new LocalizedText("Bram", "Bram", "Bram"),
        shipped.category(), shipped.form(), shipped.approvalRequired(), false);
    assertTrue(repository.save(anna, 0, audit("request-type", shipped.id(), "anna"), Mode.REPLACE));
    assertFalse(repository.save(bram, 0, audit("request-type", shipped.id(), "bram"), Mode.REPLACE));
    RequestType stored = repository.load().requestTypes().stream().filter(r -> r.id().equals(shipped.id())).findFirst()
        .orElseThrow();
    assertEquals(anna, stored);
    assertEquals(1, repository.load().requestTypeVersion(shipped.id()));
    assertEquals(1, trail("request-type", shipped.id()).size());
  }

  @Test
  void twoCreateOnlyPutsOfOneNewIdOnlyTheFirstLands() {
    // both admins found "backup" free (neither shipped nor stored), then both put it create-only
    assertTrue(repository.save(category("backup", "Anna's"), 0, audit("category", "backup", "anna"), Mode.CREATE));
    assertFalse(repository.save(category("backup", "Bram's"), 0, audit("category", "backup", "bram"), Mode.CREATE));
    assertEquals("Anna's", storedCategory("backup").name().nl());
    assertEquals(1, repository.load().categoryVersion("backup"));
    assertEquals(List.of("anna"), trail("category", "backup").stream().map(AuditRecord::actorId).toList());

    // an edit on version 0 of a new id is conditional the same way: a second one made on 0 too is refused
    assertTrue(repository.save(category("archive", "Anna's"), 0, audit("category", "archive", "anna"), Mode.REPLACE));
    assertFalse(repository.save(category("archive", "Bram's"), 0, audit("category", "archive", "bram"), Mode.REPLACE));
    assertEquals("Anna's", storedCategory("archive").name().nl());
  }

  @Test
  void anEntryStoredBeforeVersionsReadsAsZeroAndStaysEditable() {
    // as the catalogue wrote entries until now: no version attribute
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.CATALOGUE),
        Keys.SK, AttributeValue.fromS(Keys.CATEGORY_PREFIX + "legacy"),
        "type", AttributeValue.fromS("Category"),
        "definition", AttributeValue.fromS("{\"id\":\"legacy\",\"name\":{\"nl\":\"Oud\",\"en\":\"Old\",\"de\":\"Alt\"},"
            + "\"active\":true}"))));
    assertEquals(0, repository.load().categoryVersion("legacy"));
    assertEquals("Oud", storedCategory("legacy").name().nl());

    assertFalse(repository.save(category("legacy", "Nieuw"), 0, audit("category", "legacy", "anna"), Mode.CREATE),
        "it is stored: a create-only put does not take it");
    assertFalse(repository.save(category("legacy", "Nieuw"), 3, audit("category", "legacy", "anna"), Mode.REPLACE),
        "a version it never had");
    assertTrue(repository.save(category("legacy", "Nieuw"), 0, audit("category", "legacy", "anna"), Mode.REPLACE),
        "an edit on the version read, 0");
    assertEquals(1, repository.load().categoryVersion("legacy"));
    assertFalse(repository.save(category("legacy", "Ander"), 0, audit("category", "legacy", "bram"), Mode.REPLACE),
        "once saved it has a version: 0 is stale");
    assertEquals("Nieuw", storedCategory("legacy").name().nl());
  }
}
