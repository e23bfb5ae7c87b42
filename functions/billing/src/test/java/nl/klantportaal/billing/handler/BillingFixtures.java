package nl.klantportaal.billing.handler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.LocalS3;
import nl.klantportaal.testing.TestEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A fresh table with two customers (Acme, Globex), their people, provider staff and Acme's ticket 42. */
public final class BillingFixtures {
  public static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  public static final TenantId ACME = new TenantId("acme-fixture");
  public static final TenantId GLOBEX = new TenantId("globex-fixture");
  static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  static final UserId ANNA = new UserId("0a1b2c3d-0000-4000-8000-0000000c0002");
  static final UserId EVE = new UserId("0a1b2c3d-0000-4000-8000-0000000c0009");
  static final UserId GRETA = new UserId("0a1b2c3d-0000-4000-8000-0000000c0008");
  public static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-0000000a0001");
  static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-0000000a0002");

  private BillingFixtures() {}

  public static KernelWiring freshWiring() {
    return freshWiring(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  public static KernelWiring freshWiring(Clock clock) {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    return withFixtures(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable()), clock);
  }

  /** The fixtures, with s3proxy and a fresh bucket as the invoices bucket. */
  public static KernelWiring freshWiringWithBucket(Clock clock) {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    return withFixtures(TestEnvironment.forTableAndBucket(dynamoDb, dynamoDb.createPortalTable(), LocalS3.shared()), clock);
  }

  private static KernelWiring withFixtures(Map<String, String> env, Clock clock) {
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(env), clock);
    for (TenantId id : List.of(ACME, GLOBEX)) {
      IdentityWiring.of(wiring).customers().create(new Customer(id, new CustomerDetails(id.value(),
          List.of(id.value() + ".example.test"), SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1));
    }
    person(wiring, JAN, "Jan", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    person(wiring, ANNA, "Anna", new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN));
    person(wiring, EVE, "Eve", new Membership.CustomerMember(GLOBEX, Role.CUSTOMER_USER));
    person(wiring, GRETA, "Greta", new Membership.CustomerMember(GLOBEX, Role.CUSTOMER_ADMIN));
    person(wiring, AGENT, "Agent Smit", new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    person(wiring, ADMIN, "Admin de Vries", new Membership.ProviderStaff(Role.PROVIDER_ADMIN));
    wiring.table().client().putItem(r -> r.tableName(wiring.table().name()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.ticket(ACME, 42)), Keys.SK, AttributeValue.fromS(Keys.TICKET_SK),
        "type", AttributeValue.fromS("Ticket"))));
    return wiring;
  }

  private static void person(KernelWiring wiring, UserId id, String name, Membership membership) {
    person(wiring, id, name, membership, Language.NL);
  }

  /** A person {@code <name>@example.test} who reads the portal in {@code language}. */
  static void person(KernelWiring wiring, UserId id, String name, Membership membership, Language language) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id,
        name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.test",
        new UserProfile.PersonName(name, "Fixture", name), language, membership, true, AccountSettings.DEFAULT, NOW, NOW, 1));
  }
}
