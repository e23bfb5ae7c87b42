package nl.klantportaal.privacy.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two GDPR routes from their events/privacy samples: provider admins only, erasure confirmed by the address. */
class PrivacyHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  private KernelWiring wiring;
  private InMemoryUserDirectory directory;
  private PrivacyHandler handler;

  @BeforeEach
  void seed() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())),
        Clock.fixed(NOW, ZoneOffset.UTC));
    TenantId acme = new TenantId("acme-fixture");
    IdentityWiring.of(wiring).customers().create(new Customer(acme, new CustomerDetails("Acme", List.of("acme.example.test"),
        SlaTier.KOPER, Language.NL, Optional.empty()), NOW, NOW, 1));
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(JAN, "jan@acme.example.test",
        new UserProfile.PersonName("Jan", "Jansen", "Jan Jansen"), Language.NL,
        new Membership.CustomerMember(acme, Role.CUSTOMER_USER), true, AccountSettings.DEFAULT, NOW, NOW, 1));
    directory = new InMemoryUserDirectory().add(JAN, "jan@acme.example.test");
    handler = new PrivacyHandler(wiring, directory);
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(Lambda.httpEvent("privacy/privacy/" + fixture));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("privacy"));
  }

  @Test
  void aProviderAdminExportsThenErases() {
    var archive = HttpEvents.ok(call("export.json"));
    assertEquals("klantportaal-personal-data/1", archive.get("format").asText());
    assertEquals("jan@acme.example.test", archive.get("profile").get("email").asText());
    assertTrue(archive.get("tickets").isArray() && archive.get("mails").isArray());

    var erased = HttpEvents.ok(call("erase.json"));
    assertEquals(JAN.value(), erased.get("userId").asText());
    assertTrue(IdentityWiring.of(wiring).users().find(JAN).isEmpty());
    HttpEvents.assertProblem(call("export.json"), 404, "not-found");
  }

  @Test
  void onlyProviderAdminsAndOnlyWithTheAddressTyped() {
    HttpEvents.assertProblem(call("export-as-agent.json"), 403, "forbidden");
    var wrong = Lambda.httpEvent("privacy/privacy/erase.json");
    wrong.setBody("{\"email\": \"iemand@anders.example.test\", \"version\": 1}");
    HttpEvents.assertProblem(call(wrong), 400, "validation-failed");
    var noMfa = Lambda.httpEvent("privacy/privacy/export.json");
    noMfa.getRequestContext().getAuthorizer().getJwt().getClaims().put("kp_mfa", "false");
    HttpEvents.assertProblem(call(noMfa), 403, "mfa-required");
    assertTrue(IdentityWiring.of(wiring).users().find(JAN).isPresent());
  }
}
