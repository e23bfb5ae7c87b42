package nl.klantportaal.ticketing.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.DefaultCatalogue;
import nl.klantportaal.ticketing.domain.RequestType;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.ticketing.port.CatalogueRepository.Mode;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's edits on the version read: required on an edit, sent to the repository as the condition of its put,
 * answered one version on; a refused put is 409 version-conflict for an edit and already-exists for a create.
 */
class CatalogueAdminTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-0000000a0002");
  private static final TextInput NAME = new TextInput("Werkplek", "Workplace", "Arbeitsplatz");

  /**
   * The shipped catalogue with a version per stored entry, holding a save to the repository's conditions (REPLACE: the
   * stored version is the one read, 0 for none; CREATE: nothing stored). {@code staleReads} answers load() from before
   * the saves, as an admin who read just before someone else saved sees it.
   */
  private static final class Stored implements CatalogueRepository {
    final Map<String, Category> categories = new LinkedHashMap<>();
    final Map<String, RequestType> requestTypes = new LinkedHashMap<>();
    final Map<String, Long> categoryVersions = new HashMap<>();
    final Map<String, Long> requestTypeVersions = new HashMap<>();
    final List<AuditRecord> audits = new ArrayList<>();
    boolean staleReads;

    Stored() {
      DefaultCatalogue.CATEGORIES.forEach(c -> categories.put(c.id(), c));
      DefaultCatalogue.REQUEST_TYPES.forEach(r -> requestTypes.put(r.id(), r));
    }

    @Override
    public Catalogue load() {
      if (staleReads) {
        return new Catalogue(DefaultCatalogue.CATEGORIES, DefaultCatalogue.REQUEST_TYPES);
      }
      return new Catalogue(List.copyOf(categories.values()), List.copyOf(requestTypes.values()), categoryVersions,
          requestTypeVersions);
    }

    @Override
    public boolean save(Category category, long readVersion, AuditRecord audit, Mode mode) {
      if (!holds(categoryVersions, category.id(), readVersion, mode)) {
        return false;
      }
      categories.put(category.id(), category);
      categoryVersions.put(category.id(), readVersion + 1);
      audits.add(audit);
      return true;
    }

    @Override
    public boolean save(RequestType requestType, long readVersion, AuditRecord audit, Mode mode) {
      if (!holds(requestTypeVersions, requestType.id(), readVersion, mode)) {
        return false;
      }
      requestTypes.put(requestType.id(), requestType);
      requestTypeVersions.put(requestType.id(), readVersion + 1);
      audits.add(audit);
      return true;
    }

    private static boolean holds(Map<String, Long> versions, String id, long readVersion, Mode mode) {
      return mode == Mode.CREATE ? !versions.containsKey(id) : versions.getOrDefault(id, 0L) == readVersion;
    }
  }

  private final Stored stored = new Stored();
  private final CatalogueAdmin admin = new CatalogueAdmin(stored, Clock.fixed(NOW, ZoneOffset.UTC));

  private static CatalogueAdmin.CategoryInput category(String nl, Long version) {
    return new CatalogueAdmin.CategoryInput(new TextInput(nl, NAME.en(), NAME.de()), true, version);
  }

  private static CatalogueAdmin.RequestTypeInput requestType(String nl, Long version) {
    return new CatalogueAdmin.RequestTypeInput(new TextInput(nl, "Restore files", "Dateien wiederherstellen"),
        new TextInput("Uit de back-up.", "From the backup.", "Aus der Sicherung."), "workplace",
        List.of(new CatalogueAdmin.FieldInput("path", "text", new TextInput("Map", "Folder", "Ordner"), true, null, 300)),
        false, true, version);
  }

  @Test
  void anEditIsMadeOnTheVersionReadAndAnsweredOneVersionOn() {
    var first = admin.saveCategory(ADMIN, "workplace", category("Werkplek 1", 0L), Mode.REPLACE);
    assertEquals(1, first.version(), "the shipped category was at 0");
    assertEquals("Werkplek 1", first.entry().name().nl());
    var second = admin.saveCategory(ADMIN, "workplace", category("Werkplek 2", 1L), Mode.REPLACE);
    assertEquals(2, second.version());
    assertEquals(2, admin.read().categoryVersion("workplace"));
    assertEquals(List.of("1", "2"), stored.audits.stream().map(a -> a.details().get("version")).toList(),
        "each audit entry names the version it made");
  }

  @Test
  void aStaleVersionIsAVersionConflictAndNothingChanges() {
    admin.saveCategory(ADMIN, "workplace", category("Anna's", 0L), Mode.REPLACE);
    var conflict = assertThrows(DomainException.Conflict.class,
        () -> admin.saveCategory(ADMIN, "workplace", category("Bram's", 0L), Mode.REPLACE));
    assertEquals(DomainException.Conflict.Kind.VERSION, conflict.kind());
    assertTrue(conflict.getMessage().contains("'workplace'"), conflict.getMessage());
    assertEquals("Anna's", stored.categories.get("workplace").name().nl());
    assertEquals(1, stored.audits.size());

    String shipped = DefaultCatalogue.REQUEST_TYPES.getFirst().id();
    admin.saveRequestType(ADMIN, shipped, requestType("Anna's", 0L), Mode.REPLACE);
    var typeConflict = assertThrows(DomainException.Conflict.class,
        () -> admin.saveRequestType(ADMIN, shipped, requestType("Bram's", 0L), Mode.REPLACE));
    assertEquals(DomainException.Conflict.Kind.VERSION, typeConflict.kind());
    assertEquals("Anna's", stored.requestTypes.get(shipped).name().nl());
    assertEquals(2, admin.saveRequestType(ADMIN, shipped, requestType("Anna's again", 1L), Mode.REPLACE).version());
  }

  @Test
  void anEditWithoutAVersionIsRefusedAndNothingIsSaved() {
    var invalid = assertThrows(DomainException.InvalidInput.class,
        () -> admin.saveCategory(ADMIN, "workplace", category("Werkplek", null), Mode.REPLACE));
    assertEquals(List.of("version/required"), fields(invalid));
    var negative = assertThrows(DomainException.InvalidInput.class,
        () -> admin.saveRequestType(ADMIN, "restore-files", requestType("Terugzetten", -1L), Mode.REPLACE));
    assertEquals(List.of("version/required"), fields(negative));
    assertEquals(List.of(), stored.audits);
    assertEquals(0, admin.read().categoryVersion("workplace"));
  }

  @Test
  void aCreateNeedsNoVersionAndOneSentMustBeZero() {
    assertEquals(1, admin.saveCategory(ADMIN, "backup", category("Back-up", null), Mode.CREATE).version());
    assertEquals(1, admin.saveCategory(ADMIN, "archive", category("Archief", 0L), Mode.CREATE).version());
    var invalid = assertThrows(DomainException.InvalidInput.class,
        () -> admin.saveCategory(ADMIN, "another", category("Nog een", 2L), Mode.CREATE));
    assertEquals(List.of("version/not-allowed"), fields(invalid));
    assertFalse(stored.categories.containsKey("another"));
  }

  @Test
  void aCreateOfAnIdTakenMeanwhileIsAlreadyExistsNotAVersionConflict() {
    var taken = assertThrows(DomainException.Conflict.class,
        () -> admin.saveCategory(ADMIN, "workplace", category("Werkplek", null), Mode.CREATE));
    assertEquals(DomainException.Conflict.Kind.ALREADY_EXISTS, taken.kind(), "a shipped id is taken, found by reading");

    admin.saveCategory(ADMIN, "backup", category("Anna's", null), Mode.CREATE);
    stored.staleReads = true;   // Bram read the catalogue before Anna's save: the check by reading passes him
    var meanwhile = assertThrows(DomainException.Conflict.class,
        () -> admin.saveCategory(ADMIN, "backup", category("Bram's", null), Mode.CREATE));
    assertEquals(DomainException.Conflict.Kind.ALREADY_EXISTS, meanwhile.kind(), "the conditional put refused it");
    assertEquals("Anna's", stored.categories.get("backup").name().nl());
    assertEquals(1, stored.audits.size());
  }

  private static List<String> fields(DomainException.InvalidInput e) {
    return e.errors().stream().map(x -> x.field() + "/" + x.code()).toList();
  }
}
