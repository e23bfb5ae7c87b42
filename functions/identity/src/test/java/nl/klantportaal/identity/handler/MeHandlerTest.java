package nl.klantportaal.identity.handler;

import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;

import static nl.klantportaal.identity.handler.IdentityFixtures.CUSTOMER_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeHandlerTest {
  private KernelWiring wiring;
  private InMemoryUserDirectory directory;
  private MeHandler handler;

  @BeforeEach
  void seed() {
    wiring = IdentityFixtures.freshWiring();
    IdentityFixtures.seed(wiring);
    directory = IdentityFixtures.directory(wiring);
    handler = new MeHandler(wiring, directory, CognitoWiring.of(wiring).identityProvider());
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("identity/me/" + fixture), Lambda.context("me"));
  }

  @Test
  void showsTheVerifiedClaimsAndTheStoredProfile() {
    var body = HttpEvents.json(call("customer-admin.json"));
    assertEquals("customer-admin", body.get("role").asText());
    assertEquals("acme-fixture", body.get("customerId").asText());
    assertEquals(true, body.get("mfaEnrolled").asBoolean());
    assertEquals(false, body.get("pending").asBoolean());
    assertEquals("it@acme.example.test", body.get("profile").get("email").asText());
    assertEquals(1, body.get("profile").get("version").asLong());
  }

  @Test
  void aPendingUserWithoutMfaMaySeeItsOwnStateButNotChangeIt() {
    var response = call("pending-without-mfa.json");
    assertEquals(200, response.getStatusCode());
    var body = HttpEvents.json(response);
    assertEquals("none", body.get("role").asText());
    assertEquals(true, body.get("pending").asBoolean());
    assertTrue(body.path("customerId").isMissingNode());
    assertEquals(403, call("update-profile-without-mfa.json").getStatusCode());
  }

  @Test
  void customAttributesAUserCouldWriteAreIgnored() {
    var body = HttpEvents.json(call("forged-custom-attributes.json"));
    assertEquals("none", body.get("role").asText(), "customer-user without kp_tenant is pending, custom:role ignored");
    assertTrue(body.path("customerId").isMissingNode());
  }

  @Test
  void noClaimsIsUnauthenticated() {
    var response = call("without-claims.json");
    assertEquals(401, response.getStatusCode());
    assertEquals("unauthenticated", HttpEvents.problemType(response));
  }

  @Test
  void theUserChangesNamesLanguagePreferencesAndDashboard() {
    var response = call("update-profile.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    var stored = IdentityWiring.of(wiring).users().find(CUSTOMER_ADMIN).orElseThrow();
    assertEquals("IT-beheer Acme", stored.name().display());
    assertEquals(Language.DE, stored.language());
    assertEquals(false, stored.settings().notifications().reports());
    assertEquals(true, stored.settings().notifications().tickets(), "absent switches keep their value");
    assertEquals(List.of(AccountSettings.DashboardWidget.SLA, AccountSettings.DashboardWidget.OPEN_TICKETS),
        stored.settings().dashboard());
    assertEquals(2, stored.version());
    assertEquals(Optional.of("IT-beheer Acme|de"), directory.nameAndLanguage(CUSTOMER_ADMIN), "Cognito's mails follow");
  }

  @Test
  void aNewcomerReadsTheDefaultWidgetsOfItsRoleUntilItChooses() {
    var dashboard = HttpEvents.json(call("customer-admin.json")).get("profile");
    List<String> widgets = new ArrayList<>();
    dashboard.get("dashboard").forEach(w -> widgets.add(w.asText()));
    assertEquals(List.of("open-tickets", "approvals", "waiting", "hour-bundles", "subscriptions", "invoices", "reports"), widgets);
    assertEquals(false, dashboard.get("dashboardChosen").asBoolean());

    var unchanged = HttpEvents.json(call("update-notifications.json")).get("profile");
    assertEquals(false, unchanged.get("dashboardChosen").asBoolean(), "a mail preference is no dashboard choice");
    assertEquals(7, unchanged.get("dashboard").size());
    assertEquals(false, IdentityWiring.of(wiring).users().find(CUSTOMER_ADMIN).orElseThrow().settings().dashboardChosen());
  }

  @Test
  void theUserChoosesTheNewWidgetsInItsOwnOrder() {
    var response = call("update-dashboard.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    var profile = HttpEvents.json(response).get("profile");
    List<String> widgets = new ArrayList<>();
    profile.get("dashboard").forEach(w -> widgets.add(w.asText()));
    assertEquals(List.of("waiting", "approvals", "sla-at-risk", "open-tickets"), widgets);
    assertEquals(true, profile.get("dashboardChosen").asBoolean());
    var stored = IdentityWiring.of(wiring).users().find(CUSTOMER_ADMIN).orElseThrow();
    assertEquals(List.of(AccountSettings.DashboardWidget.WAITING, AccountSettings.DashboardWidget.APPROVALS,
        AccountSettings.DashboardWidget.SLA_AT_RISK, AccountSettings.DashboardWidget.OPEN_TICKETS), stored.settings().dashboard());
    assertEquals(2, stored.version());
  }

  @Test
  void badChangesNameEveryField() {
    List<String> fields = new ArrayList<>();
    HttpEvents.json(call("update-profile-bad.json")).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("displayName", "language", "dashboard[1]", "dashboard[2]"), fields);
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "update-profile-stale.json, 409, version-conflict",
      "update-profile-role.json, 400, validation-failed",
      "change-email-bad.json, 400, validation-failed",
  })
  void refusalsLeaveTheProfileAlone(String fixture, int status, String type) {
    var response = call(fixture);
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals(type, HttpEvents.problemType(response));
    assertEquals(1, IdentityWiring.of(wiring).users().find(CUSTOMER_ADMIN).orElseThrow().version());
    assertEquals(Optional.empty(), directory.nameAndLanguage(CUSTOMER_ADMIN));
  }
}
