package nl.klantportaal.identity.handler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

/** The accounts the events/identity fixtures speak of, stored in a fresh copy of the table. */
final class IdentityFixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  static final TenantId ACME = new TenantId("acme-fixture");
  static final TenantId BETA = new TenantId("beta-fixture");
  static final UserId CUSTOMER_ADMIN = new UserId("0a1b2c3d-0000-4000-8000-0000000ca001");
  static final UserId COLLEAGUE = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  static final UserId PENDING = new UserId("0a1b2c3d-0000-4000-8000-00000000e001");
  static final UserId FOREIGN = new UserId("0a1b2c3d-0000-4000-8000-0000000b0001");

  private IdentityFixtures() {}

  /** The user pool with the fixture accounts that the profiles in {@link #seed} belong to. */
  static nl.klantportaal.identity.testing.InMemoryUserDirectory directory(KernelWiring wiring) {
    var directory = new nl.klantportaal.identity.testing.InMemoryUserDirectory();
    for (UserId id : List.of(CUSTOMER_ADMIN, COLLEAGUE, PENDING, FOREIGN)) {
      directory.add(id, IdentityWiring.of(wiring).users().find(id).orElseThrow().email());
    }
    return directory;
  }

  static KernelWiring freshWiring() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    var env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    return new KernelWiring(Config.fromEnvironment(env), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static void seed(KernelWiring wiring) {
    var identity = IdentityWiring.of(wiring);
    for (TenantId id : List.of(ACME, BETA)) {
      identity.customers().create(new Customer(id, new CustomerDetails(id.value(), List.of(id.value() + ".example.test"),
          SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1));
    }
    identity.users().createIfAbsent(profile(CUSTOMER_ADMIN, "it@acme.example.test", new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN), true, NOW));
    identity.users().createIfAbsent(profile(COLLEAGUE, "jan@acme.example.test", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), true, NOW));
    identity.users().createIfAbsent(profile(FOREIGN, "els@beta-fixture.example.test", new Membership.CustomerMember(BETA, Role.CUSTOMER_USER), true, NOW));
    identity.users().createIfAbsent(profile(PENDING, "nieuw@acme-fixture.example.test", new Membership.Pending(), false, NOW.minusSeconds(13 * 3600)));
  }

  static UserProfile profile(UserId id, String email, Membership membership, boolean mfa, Instant created) {
    String display = email.substring(0, email.indexOf('@'));
    return new UserProfile(id, email, new UserProfile.PersonName(display, "Fixture", display), Language.NL, membership, mfa,
        AccountSettings.DEFAULT, created, created, 1);
  }
}
