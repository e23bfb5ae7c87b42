package nl.klantportaal.notifications.handler;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes ticket items exactly as docs/data-model.md "Ticket items" specifies (the tickets slice's
 * side of the contract), and the people of the fixtures (events/notifications/ticket-notifications).
 */
final class TicketItemsFixture {
  static final TenantId ACME = new TenantId("acme-fixture");
  static final UserId REPORTER = new UserId("0a1b2c3d-0000-4000-8000-0000000000c1");
  static final UserId INVOLVED = new UserId("0a1b2c3d-0000-4000-8000-0000000000c2");
  static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-00000000a9e1");
  static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-00000000ad01");
  static final String PK = "TENANT#acme-fixture#TICKET#00000042";

  private final KernelWiring wiring;

  TicketItemsFixture(KernelWiring wiring) {
    this.wiring = wiring;
  }

  void people(Instant at) {
    person(REPORTER, "jan@acme.example.test", "Jan de Vries", Language.NL, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), at);
    person(INVOLVED, "greta@acme.example.test", "Greta Gerber", Language.DE,
        new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), at);
    person(AGENT, "anna@provider.example.test", "Anna Agent", Language.EN, new Membership.ProviderStaff(Role.PROVIDER_AGENT), at);
    person(ADMIN, "petra@provider.example.test", "Petra Beheer", Language.NL, new Membership.ProviderStaff(Role.PROVIDER_ADMIN), at);
  }

  private void person(UserId id, String email, String name, Language language, Membership membership, Instant at) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName(name.split(" ")[0], "x", name),
        language, membership, true, AccountSettings.DEFAULT, at, at, 1));
  }

  void ticket(String status, UserId lastChangeBy, Optional<UserId> assignee, long version) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s(PK));
    item.put("SK", s("PUB#TICKET"));
    item.put("type", s("Ticket"));
    item.put("tenantId", s(ACME.value()));
    item.put("number", AttributeValue.fromN("42"));
    item.put("token", s("acme-fixture-42"));
    item.put("ticketType", s("incident"));
    item.put("category", s("workplace"));
    item.put("priority", s("high"));
    item.put("title", s("Printer <Verdieping 2> prints & jams"));
    item.put("description", s("It jams on every <b>second</b> page."));
    item.put("reporterId", s(REPORTER.value()));
    item.put("reporterName", s("Jan de Vries"));
    item.put("involved", AttributeValue.fromL(List.of(s(INVOLVED.value()))));
    item.put("source", s("portal"));
    item.put("status", s(status));
    item.put("assigneeId", assignee.map(a -> s(a.value())).orElse(AttributeValue.fromNul(true)));
    item.put("approval", s("none"));
    item.put("createdAt", s("2026-11-23T09:30:00Z"));
    item.put("updatedAt", s("2026-11-23T09:30:00Z"));
    item.put("lastChangeBy", s(lastChangeBy.value()));
    item.put("lastChangeKind", s("test"));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    item.put("GSI1PK", s("TENANT#acme-fixture#REPORTER#" + REPORTER.value()));
    item.put("GSI1SK", s("2026-11-23T09:30:00Z#00000042"));
    put(item);
  }

  /** A public message ({@code PUB#MSG#…}) or, with {@code internal}, a staff note ({@code STAFF#NOTE#…}). */
  void message(String id, UserId author, String side, String body, boolean internal) {
    String sk = (internal ? "STAFF#NOTE#" : "PUB#MSG#") + "2026-11-23T10:00:00Z#" + id;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s(PK));
    item.put("SK", s(sk));
    item.put("type", s(internal ? "Note" : "Message"));
    item.put("tenantId", s(ACME.value()));
    item.put("number", AttributeValue.fromN("42"));
    item.put("id", s(id));
    item.put("authorId", s(author.value()));
    item.put("authorName", s(side.equals("provider") ? "Anna Agent" : "Greta Gerber"));
    item.put("authorSide", s(side));
    item.put("body", s(body));
    item.put("source", s("portal"));
    item.put("at", s("2026-11-23T10:00:00Z"));
    put(item);
  }

  void watch(UserId user) {
    put(Map.of("PK", s(PK), "SK", s("PUB#WATCH#" + user.value()), "type", s("Watch"), "userId", s(user.value()),
        "addedAt", s("2026-11-23T09:30:00Z")));
  }

  private void put(Map<String, AttributeValue> item) {
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
