package nl.klantportaal.local;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UsersHandler routes end to end through the local gateway of the real template.yaml: link,
 * role change, MFA reset (with its mail read back from aws-ses-v2-local), unlink and deactivation,
 * each also reaching Cognito (cognito-local, and the local front for global sign-out and the MFA
 * preference). Plus the refusals: a customer user on a provider route, and the sign-in guard's 429.
 */
class UsersFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Regenboog-Fiets-2026!";
  private static final String ADMIN = "beheer@provider.example.test";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static KernelWiring wiring;
  private static CognitoPool pool;
  private static GatewayClient gateway;
  private static SignIn signIn;
  private static MailStore mailStore;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
    wiring = TestClouds.wiring(cloud, "UsersFunction");
    pool = CognitoPool.open(cloud);
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
    mailStore = MailStore.of(cloud);
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  /** A confirmed, still pending account (as after sign-up and the PostConfirmation trigger), language German. */
  private static UserId pendingAccount(String email) {
    UserId id = pool.createAccount(email, PASSWORD);
    IdentityWiring.of(wiring).users().createIfAbsent(UserProfile.signedUp(id, email, new UserProfile.PersonName("Greta", "Gerber",
        "Greta Gerber"), Language.DE, Instant.now()));
    return id;
  }

  @Test
  void linkRoleChangeMfaResetUnlinkAndDeactivationWorkThroughTheGatewayAndReachCognito() throws Exception {
    String email = "greta@acme.example.test";
    UserId greta = pendingAccount(email);
    String secret = signIn.enrolTotp(email, PASSWORD);
    String admin = signIn.demo(ADMIN);
    String users = "/users/" + greta.value();

    JsonNode pending = json(gateway.get("/admin/pending-users", admin)).path("items");
    assertTrue(pending.toString().contains(greta.value()), pending.toString());
    long version = json(gateway.get("/me", signIn.withTotp(email, PASSWORD, secret).path("idToken").asText())).path("profile")
        .path("version").asLong(IdentityWiring.of(wiring).users().find(greta).orElseThrow().version());

    // Link
    JsonNode linked = json(gateway.post(users + "/link", "{\"customerId\":\"demo-acme\",\"role\":\"customer-user\",\"version\":"
        + version + "}", admin));
    assertEquals("customer-user", linked.path("role").asText(), linked.toString());
    assertEquals(Set.of("customer-user"), pool.groups(greta), "the group mirrors the role in Cognito");
    JsonNode session = signIn.withTotp(email, PASSWORD, secret);
    JsonNode me = json(gateway.get("/me", session.path("idToken").asText()));
    assertEquals("demo-acme", me.path("customerId").asText(), me.toString());
    assertEquals("customer-user", me.path("role").asText());

    // A customer user on a provider route: 403 through the gateway
    HttpResponse<String> refused = gateway.post(users + "/role", "{\"role\":\"customer-admin\",\"version\":"
        + linked.path("version").asLong() + "}", session.path("idToken").asText());
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElseThrow());
    assertEquals(403, gateway.get("/admin/pending-users", signIn.demo("jan@acme.example.test")).statusCode());

    // Role change: the global sign-out makes the old access token useless at once
    String oldAccessToken = session.path("accessToken").asText();
    JsonNode reRoled = json(gateway.post(users + "/role", "{\"role\":\"customer-admin\",\"version\":"
        + linked.path("version").asLong() + "}", admin));
    assertEquals("customer-admin", reRoled.path("role").asText(), reRoled.toString());
    assertEquals(Set.of("customer-admin"), pool.groups(greta));
    HttpResponse<String> withOldToken = gateway.post("/me/mfa/totp", "{\"accessToken\":\"" + oldAccessToken + "\"}",
        session.path("idToken").asText());
    assertEquals(401, withOldToken.statusCode(), "an access token from before the global sign-out is refused: "
        + withOldToken.body());
    JsonNode afterRole = signIn.withTotp(email, PASSWORD, secret);
    assertEquals("customer-admin", json(gateway.get("/me", afterRole.path("idToken").asText())).path("role").asText());

    // MFA reset: TOTP off in Cognito, the profile says not enrolled, the German notice is in aws-ses-v2-local
    long mailsBefore = Instant.now().getEpochSecond();
    JsonNode reset = json(gateway.post(users + "/mfa-reset", "{\"version\":" + reRoled.path("version").asLong() + "}", admin));
    assertFalse(reset.path("mfaEnrolled").asBoolean(), reset.toString());
    assertFalse(pool.totpEnabled(greta), "AdminSetUserMFAPreference reached the pool");
    JsonNode noChallenge = json(signIn.attempt(email, PASSWORD));
    assertEquals("signed-in", noChallenge.path("status").asText(), "no TOTP challenge any more: " + noChallenge);
    assertEquals(false, json(gateway.get("/me", noChallenge.path("idToken").asText())).path("mfaEnrolled").asBoolean());
    assertEquals(403, gateway.get("/customers/demo-acme/users", noChallenge.path("idToken").asText()).statusCode(),
        "mfa-required until enrolled again");
    JsonNode mail = mfaResetMail(email, mailsBefore);
    assertEquals("Ihre Zwei-Faktor-Authentifizierung wurde zurückgesetzt", mail.path("subject").asText());
    assertTrue(mail.path("body").path("html").asText().contains("Guten Tag Greta Gerber"), mail.toString());
    assertTrue(mail.path("body").path("text").asText().contains("Authenticator-App erneut"), mail.toString());
    assertTrue(mail.path("from").asText().contains("no-reply@"), mail.toString());

    // Unlink: back in the queue, no group
    long afterReset = reset.path("version").asLong();
    JsonNode unlinked = json(gateway.post(users + "/unlink", "{\"version\":" + afterReset + "}", admin));
    assertEquals("none", unlinked.path("role").asText(), unlinked.toString());
    assertEquals(Set.of(), pool.groups(greta));

    // Link again, then the customer's own admin deactivates the account: sign-in refused by the trigger
    JsonNode relinked = json(gateway.post(users + "/link", "{\"customerId\":\"demo-acme\",\"role\":\"customer-user\",\"version\":"
        + unlinked.path("version").asLong() + "}", admin));
    JsonNode deactivated = json(gateway.post(users + "/deactivate", "{\"version\":" + relinked.path("version").asLong() + "}",
        signIn.demo("it@acme.example.test")));
    assertFalse(deactivated.path("active").asBoolean(), deactivated.toString());
    assertEquals(Set.of(), pool.groups(greta));
    HttpResponse<String> signInDeactivated = signIn.attempt(email, PASSWORD);
    HttpResponse<String> wrongPassword = signIn.attempt(email, "Verkeerd-Wachtwoord-1!");
    assertEquals(401, signInDeactivated.statusCode(), "refused by the PreTokenGeneration trigger: " + signInDeactivated.body());
    assertEquals(JSON.readTree(wrongPassword.body()).path("type"), JSON.readTree(signInDeactivated.body()).path("type"),
        "answered like wrong credentials");
  }

  @Test
  void aProviderAdminCreatesAStaffAccountInThePoolWithItsRoleAsGroup() throws Exception {
    HttpResponse<String> created = gateway.send(gateway.request("/staff", signIn.demo(ADMIN))
        .header("idempotency-key", java.util.UUID.randomUUID().toString())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"nieuwe.collega@provider.example.test\","
            + "\"firstName\":\"Nout\",\"lastName\":\"Nieuw\",\"displayName\":\"Nout Nieuw\",\"role\":\"provider-agent\","
            + "\"language\":\"nl\"}")));
    assertEquals(201, created.statusCode(), created.body());
    JsonNode staff = JSON.readTree(created.body());
    assertEquals("provider-agent", staff.path("role").asText(), staff.toString());
    assertEquals(Set.of("provider-agent"), pool.groups(new UserId(staff.path("userId").asText())), "the role mirrored as group");
  }

  @Test
  void theSignInGuardAnswers429WithRetryAfterThroughTheGateway() throws Exception {
    String email = "raden@bakkerij.example.test";
    for (int attempt = 1; attempt <= 5; attempt++) {
      HttpResponse<String> wrong = signIn.attempt(email, "Fout-Wachtwoord-" + attempt + "!");
      assertEquals(401, wrong.statusCode(), "attempt " + attempt + ": " + wrong.body());
    }
    HttpResponse<String> blocked = signIn.attempt(email, "Nog-Een-Poging-6!");
    assertEquals(429, blocked.statusCode(), blocked.body());
    long retryAfter = Long.parseLong(blocked.headers().firstValue("retry-after").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    assertEquals("application/problem+json", blocked.headers().firstValue("content-type").orElseThrow());
  }

  private static JsonNode mfaResetMail(String to, long since) throws Exception {
    List<JsonNode> stored = mailStore.since(since);
    return MailStore.to(stored, to).stream().findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + to + " in aws-ses-v2-local: " + stored));
  }
}
