package nl.klantportaal.tickets.handler;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;

/** The people and customers the events/tickets fixtures speak of, in a fresh copy of the table. */
final class TicketFixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  static final TenantId ACME = new TenantId("acme-fixture");
  static final TenantId GLOBEX = new TenantId("globex-fixture");
  static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  static final UserId ANNA = new UserId("0a1b2c3d-0000-4000-8000-0000000c0002");
  static final UserId PIET = new UserId("0a1b2c3d-0000-4000-8000-0000000c0003");
  static final UserId EVE = new UserId("0a1b2c3d-0000-4000-8000-0000000c0009");
  static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-0000000a0001");
  static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-0000000a0002");

  private TicketFixtures() {}

  static KernelWiring freshWiring(Clock clock) {
    return freshWiring(clock, java.util.Map.of());
  }

  /** The same with {@code extra} in the function's environment (SLA_ON_CALL_EMAIL, ...). */
  static KernelWiring freshWiring(Clock clock, java.util.Map<String, String> extra) {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    var env = new java.util.HashMap<>(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable()));
    env.putAll(extra);
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(env), clock);
    for (TenantId id : List.of(ACME, GLOBEX)) {
      IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(id.value(), List.of(id.value() + ".example.test"),
          SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1));
    }
    person(wiring, JAN, "Jan", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    person(wiring, ANNA, "Anna", new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN));
    person(wiring, PIET, "Piet", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    person(wiring, EVE, "Eve", new Membership.CustomerMember(GLOBEX, Role.CUSTOMER_USER));
    person(wiring, AGENT, "Agent Smit", new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    person(wiring, ADMIN, "Admin de Vries", new Membership.ProviderStaff(Role.PROVIDER_ADMIN));
    return wiring;
  }

  private static void person(KernelWiring wiring, UserId id, String name, Membership membership) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.test",
        new UserProfile.PersonName(name, "Fixture", name), Language.NL, membership, true, AccountSettings.DEFAULT, NOW, NOW, 1));
  }
}
