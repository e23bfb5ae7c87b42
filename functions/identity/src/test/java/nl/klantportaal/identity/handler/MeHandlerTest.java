package nl.klantportaal.identity.handler;

import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.identity.adapter.outbox.EmailChangeCognito;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;
import nl.klantportaal.mail.testing.RecordingMailSender;

import static nl.klantportaal.identity.handler.IdentityFixtures.COLLEAGUE;
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
    handler = new MeHandler(wiring, directory, CognitoWiring.of(wiring).identityProvider(), RecordingMailSender::new);
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

  @Test
  void aVerifiedEmailChangeAnswersTheNewProfileAndMailsTheOldAddressOnce() {
    var cognito = new EmailChangeCognito(COLLEAGUE, "jan@acme.example.test");
    var mail = new RecordingMailSender();
    var withCognito = new MeHandler(wiring, directory, cognito, () -> mail);
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, "jan.nieuw@acme.example.test");

    var response = withCognito.handleRequest(Lambda.httpEvent("identity/me/verify-email.json"), Lambda.context("me"));

    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals("jan.nieuw@acme.example.test", HttpEvents.json(response).get("profile").get("email").asText());
    assertEquals("jan.nieuw@acme.example.test", IdentityWiring.of(wiring).users().find(COLLEAGUE).orElseThrow().email());
    assertEquals(1, mail.sent().size());
    var notice = mail.sent().getFirst();
    assertEquals("jan@acme.example.test", notice.to());
    assertEquals("Het e-mailadres van uw account in het Klantportaal is gewijzigd", notice.subject());
    assertTrue(notice.text().contains("is op 23 november 2026 om 10:30 (CET) gewijzigd in j•••@acme.example.test."),
        notice.text());

    var again = withCognito.handleRequest(Lambda.httpEvent("identity/me/verify-email.json"), Lambda.context("me"));
    HttpEvents.assertProblem(again, 400, "expired-code");
    assertEquals(1, mail.sent().size(), "the spent code, sent again, mails nobody");
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
