package nl.klantportaal.notifications.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.port.MailRoutes;
import nl.klantportaal.notifications.port.MailRoutes.Mode;
import org.junit.jupiter.api.Test;

/**
 * A route is set on the version read: required without If-None-Match: *, sent to the routing table as the condition of
 * its put, answered one version on; a refused put is 409 version-conflict for a change and already-exists for a create.
 */
class ManageMailRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private static final Caller ADMIN = new Caller(new UserId("0a1b2c3d-0000-4000-8000-00000000ad01"), Optional.empty(),
      Role.PROVIDER_ADMIN, true, Optional.of("admin@provider.example.test"));
  private static final String DOMAIN = "strict-mail.example.test";

  /** The routing table in memory, holding each put to the same conditions as the DynamoDB one. */
  private static final class Table implements MailRoutes {
    final Map<String, MailRoute> routes = new HashMap<>();
    final List<Mode> puts = new ArrayList<>();

    @Override
    public Optional<MailRoute> find(String domain) {
      return Optional.ofNullable(routes.get(domain));
    }

    @Override
    public Page<MailRoute> list(PageRequest page) {
      throw new UnsupportedOperationException("ManageMailRoutes changes routes and lists none (the handler pages them)");
    }

    @Override
    public List<MailRoute> all() {
      return List.copyOf(routes.values());
    }

    @Override
    public boolean put(MailRoute route, Mode mode) {
      puts.add(mode);
      MailRoute current = routes.get(route.domain());
      boolean holds = mode == Mode.CREATE ? current == null
          : (current == null ? 0 : current.version()) == route.version() - 1;
      if (holds) {
        routes.put(route.domain(), route);
      }
      return holds;
    }

    @Override
    public boolean delete(String domain, long readVersion, AuditRecord audit) {
      MailRoute current = routes.get(domain);
      if (current == null || current.version() != readVersion) {
        return false;
      }
      routes.remove(domain);
      return true;
    }
  }

  private final Table table = new Table();
  private final ManageMailRoutes manage = new ManageMailRoutes(table, Clock.fixed(NOW, ZoneOffset.UTC));

  private static MailRouteInput input(String set, Long version) {
    return new MailRouteInput(set, "servicedesk@mail2.provider.example.test", version);
  }

  @Test
  void aRouteIsSetOnTheVersionReadAndAnsweredOneVersionOn() {
    MailRoute created = manage.put("Strict-Mail.example.test", input("first", 0L), Mode.REPLACE, ADMIN);
    assertEquals(1, created.version(), "version 0: no route yet");
    assertEquals(DOMAIN, created.domain());
    assertEquals(ADMIN.userId().value(), created.updatedBy());
    assertEquals(2, manage.put(DOMAIN, input("second", 1L), Mode.REPLACE, ADMIN).version());
    assertEquals("second", table.routes.get(DOMAIN).configurationSet());
  }

  @Test
  void aStaleVersionIsAVersionConflictAndNothingChanges() {
    manage.put(DOMAIN, input("anna", 0L), Mode.REPLACE, ADMIN);
    var conflict = assertThrows(DomainException.Conflict.class,
        () -> manage.put(DOMAIN, input("bram", 0L), Mode.REPLACE, ADMIN));
    assertEquals(DomainException.Conflict.Kind.VERSION, conflict.kind());
    assertEquals("anna", table.routes.get(DOMAIN).configurationSet());
  }

  @Test
  void aCreateOnlyPutNeedsNoVersionAndOnADomainWithARouteIsAlreadyExists() {
    assertEquals(1, manage.put(DOMAIN, input("anna", null), Mode.CREATE, ADMIN).version());
    var taken = assertThrows(DomainException.Conflict.class, () -> manage.put(DOMAIN, input("bram", 0L), Mode.CREATE, ADMIN));
    assertEquals(DomainException.Conflict.Kind.ALREADY_EXISTS, taken.kind());
    assertEquals("anna", table.routes.get(DOMAIN).configurationSet());
  }

  @Test
  void aMissingVersionOrOneWithACreateIsAFieldErrorAndNothingIsPut() {
    var missing = assertThrows(DomainException.InvalidInput.class,
        () -> manage.put(DOMAIN, input("blind", null), Mode.REPLACE, ADMIN));
    assertEquals(List.of("version/required"), missing.errors().stream().map(e -> e.field() + "/" + e.code()).toList());
    var withCreate = assertThrows(DomainException.InvalidInput.class,
        () -> manage.put(DOMAIN, input("create", 3L), Mode.CREATE, ADMIN));
    assertEquals(List.of("version/not-allowed"), withCreate.errors().stream().map(e -> e.field() + "/" + e.code()).toList());
    assertEquals(List.of(), table.puts);
  }
}
