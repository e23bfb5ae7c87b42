package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klantportaal.core.PortalWiring;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.identity.domain.SecurityNotice;
import nl.klantportaal.core.identity.domain.UserId;
import nl.klantportaal.core.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The UsersHandler routes end to end through the local gateway of the real template.yaml: link,
 * role change, MFA reset (with its mail read back from aws-ses-v2-local), unlink and deactivation,
 * each also reaching Cognito (cognito-local, and the local front for global sign-out and the MFA
 * preference). Plus the refusals: a customer user on a provider route, and the sign-in guard's 429.
 */
class UsersFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "Regenboog-Fiets-2026!";
  private static final String ADMIN = "beheer@provider.example.test";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static PortalWiring wiring;
  private static CognitoIdentityProviderClient cognito;
  private static String poolId;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(Options.forRoot(SamTemplate.projectRoot()).withStateDir(state).withPorts(Ports.anyFree()));
    DemoData.seed(cloud).orElseThrow();
    Map<String, String> env = new HashMap<>(cloud.functions().require("UsersFunction").function().environment());
    wiring = new PortalWiring(Config.fromEnvironment(env), Clock.systemUTC());
    cognito = AwsClients.cognito(cloud.endpoints().cognito());
    poolId = env.get("USER_POOL_ID");
  }

  @AfterAll
  static void stop() {
    if (cognito != null) {
      cognito.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  /** A confirmed, still pending account (as after sign-up and the PostConfirmation trigger), language German. */
  private static UserId pendingAccount(String email) {
    var created = cognito.adminCreateUser(r -> r.userPoolId(poolId).username(email)
        .messageAction(MessageActionType.SUPPRESS).temporaryPassword(PASSWORD)
        .userAttributes(AttributeType.builder().name("email").value(email).build(),
            AttributeType.builder().name("email_verified").value("true").build()));
    cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(email).password(PASSWORD).permanent(true));
    UserId id = new UserId(created.user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst()
        .map(AttributeType::value).orElseThrow());
    wiring.users().createIfAbsent(UserProfile.signedUp(id, email, new UserProfile.PersonName("Greta", "Gerber",
        "Greta Gerber"), Language.DE, Instant.now()));
    return id;
  }

  /** Password sign-in, then TOTP enrolment through /me/mfa/totp; answers the secret. */
  private static String enrolThroughTheGateway(String email) throws Exception {
    JsonNode first = json(post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null));
    assertEquals("signed-in", first.path("status").asText(), first.toString());
    String idToken = first.path("idToken").asText();
    String accessToken = first.path("accessToken").asText();
    String secret = json(post("/me/mfa/totp", "{\"accessToken\":\"" + accessToken + "\"}", idToken)).path("secret").asText();
    assertEquals(204, post("/me/mfa/totp/verify", "{\"accessToken\":\"" + accessToken + "\",\"code\":\""
        + Totp.code(secret, Instant.now()) + "\"}", idToken).statusCode());
    return secret;
  }

  private static JsonNode signInWithTotp(String email, String password, String secret) throws Exception {
    JsonNode challenge = json(post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null));
    assertEquals("totp-required", challenge.path("status").asText(), challenge.toString());
    JsonNode signedIn = json(post("/auth/sign-in/totp", "{\"email\":\"" + email + "\",\"session\":\""
        + challenge.path("session").asText() + "\",\"code\":\"" + Totp.code(secret, Instant.now()) + "\"}", null));
    assertEquals("signed-in", signedIn.path("status").asText(), signedIn.toString());
    return signedIn;
  }

  private static String demoToken(String email) throws Exception {
    JsonNode challenge = json(post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + DemoData.PASSWORD
        + "\"}", null));
    return json(post("/auth/sign-in/totp", "{\"email\":\"" + email + "\",\"session\":\"" + challenge.path("session").asText()
        + "\",\"code\":\"" + DemoData.currentCode(cloud.state().root(), email) + "\"}", null)).path("idToken").asText();
  }

  private static Set<String> groups(UserId user) {
    return cognito.adminListGroupsForUser(r -> r.userPoolId(poolId).username(user.value())).groups().stream()
        .map(GroupType::groupName).collect(Collectors.toSet());
  }

  private static boolean totpOn(UserId user) {
    return cognito.adminGetUser(r -> r.userPoolId(poolId).username(user.value())).userMFASettingList()
        .contains("SOFTWARE_TOKEN_MFA");
  }

  @Test
  void linkRoleChangeMfaResetUnlinkAndDeactivationWorkThroughTheGatewayAndReachCognito() throws Exception {
    String email = "greta@acme.example.test";
    UserId greta = pendingAccount(email);
    String secret = enrolThroughTheGateway(email);
    String admin = demoToken(ADMIN);
    String users = "/users/" + greta.value();

    JsonNode pending = json(get("/admin/pending-users", admin)).path("items");
    assertTrue(pending.toString().contains(greta.value()), pending.toString());
    long version = json(get("/me", signInWithTotp(email, PASSWORD, secret).path("idToken").asText())).path("profile")
        .path("version").asLong(wiring.users().find(greta).orElseThrow().version());

    // Link
    JsonNode linked = json(post(users + "/link", "{\"customerId\":\"demo-acme\",\"role\":\"customer-user\",\"version\":"
        + version + "}", admin));
    assertEquals("customer-user", linked.path("role").asText(), linked.toString());
    assertEquals(Set.of("customer-user"), groups(greta), "the group mirrors the role in Cognito");
    JsonNode session = signInWithTotp(email, PASSWORD, secret);
    JsonNode me = json(get("/me", session.path("idToken").asText()));
    assertEquals("demo-acme", me.path("customerId").asText(), me.toString());
    assertEquals("customer-user", me.path("role").asText());

    // A customer user on a provider route: 403 through the gateway
    HttpResponse<String> refused = post(users + "/role", "{\"role\":\"customer-admin\",\"version\":"
        + linked.path("version").asLong() + "}", session.path("idToken").asText());
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElseThrow());
    assertEquals(403, get("/admin/pending-users", demoToken("jan@acme.example.test")).statusCode());

    // Role change: the global sign-out makes the old access token useless at once
    String oldAccessToken = session.path("accessToken").asText();
    JsonNode reRoled = json(post(users + "/role", "{\"role\":\"customer-admin\",\"version\":" + linked.path("version").asLong()
        + "}", admin));
    assertEquals("customer-admin", reRoled.path("role").asText(), reRoled.toString());
    assertEquals(Set.of("customer-admin"), groups(greta));
    HttpResponse<String> withOldToken = post("/me/mfa/totp", "{\"accessToken\":\"" + oldAccessToken + "\"}",
        session.path("idToken").asText());
    assertEquals(401, withOldToken.statusCode(), "an access token from before the global sign-out is refused: "
        + withOldToken.body());
    JsonNode afterRole = signInWithTotp(email, PASSWORD, secret);
    assertEquals("customer-admin", json(get("/me", afterRole.path("idToken").asText())).path("role").asText());

    // MFA reset: TOTP off in Cognito, the profile says not enrolled, the German notice is in aws-ses-v2-local
    long mailsBefore = Instant.now().getEpochSecond();
    JsonNode reset = json(post(users + "/mfa-reset", "{\"version\":" + reRoled.path("version").asLong() + "}", admin));
    assertFalse(reset.path("mfaEnrolled").asBoolean(), reset.toString());
    assertFalse(totpOn(greta), "AdminSetUserMFAPreference reached the pool");
    JsonNode noChallenge = json(post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null));
    assertEquals("signed-in", noChallenge.path("status").asText(), "no TOTP challenge any more: " + noChallenge);
    assertEquals(false, json(get("/me", noChallenge.path("idToken").asText())).path("mfaEnrolled").asBoolean());
    assertEquals(403, get("/customers/demo-acme/users", noChallenge.path("idToken").asText()).statusCode(),
        "mfa-required until enrolled again");
    JsonNode mail = mfaResetMail(email, mailsBefore);
    var german = SecurityNotice.mfaReset(Language.DE, "Greta Gerber");
    assertEquals(german.subject(), mail.path("subject").asText());
    assertNotEquals(SecurityNotice.mfaReset(Language.NL, "Greta Gerber").subject(), mail.path("subject").asText());
    assertTrue(mail.path("body").path("html").asText().contains("Guten Tag Greta Gerber"), mail.toString());
    assertTrue(mail.path("from").asText().contains("no-reply@"), mail.toString());

    // Unlink: back in the queue, no group
    long afterReset = reset.path("version").asLong();
    JsonNode unlinked = json(post(users + "/unlink", "{\"version\":" + afterReset + "}", admin));
    assertEquals("none", unlinked.path("role").asText(), unlinked.toString());
    assertEquals(Set.of(), groups(greta));

    // Link again, then the customer's own admin deactivates the account: sign-in refused by the trigger
    JsonNode relinked = json(post(users + "/link", "{\"customerId\":\"demo-acme\",\"role\":\"customer-user\",\"version\":"
        + unlinked.path("version").asLong() + "}", admin));
    JsonNode deactivated = json(post(users + "/deactivate", "{\"version\":" + relinked.path("version").asLong() + "}",
        demoToken("it@acme.example.test")));
    assertFalse(deactivated.path("active").asBoolean(), deactivated.toString());
    assertEquals(Set.of(), groups(greta));
    HttpResponse<String> signInDeactivated = post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
        + "\"}", null);
    HttpResponse<String> wrongPassword = post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"Verkeerd-Wachtwoord-1!\"}",
        null);
    assertEquals(401, signInDeactivated.statusCode(), "refused by the PreTokenGeneration trigger: " + signInDeactivated.body());
    assertEquals(JSON.readTree(wrongPassword.body()).path("type"), JSON.readTree(signInDeactivated.body()).path("type"),
        "answered like wrong credentials");
  }

  @Test
  void theSignInGuardAnswers429WithRetryAfterThroughTheGateway() throws Exception {
    String email = "raden@bakkerij.example.test";
    for (int attempt = 1; attempt <= 5; attempt++) {
      HttpResponse<String> wrong = post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"Fout-Wachtwoord-" + attempt
          + "!\"}", null);
      assertEquals(401, wrong.statusCode(), "attempt " + attempt + ": " + wrong.body());
    }
    HttpResponse<String> blocked = post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"Nog-Een-Poging-6!\"}", null);
    assertEquals(429, blocked.statusCode(), blocked.body());
    long retryAfter = Long.parseLong(blocked.headers().firstValue("retry-after").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    assertEquals("application/problem+json", blocked.headers().firstValue("content-type").orElseThrow());
  }

  private static JsonNode mfaResetMail(String to, long since) throws Exception {
    HttpResponse<String> store = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.endpoints().ses() + "/store?since=" + since))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, store.statusCode());
    for (JsonNode mail : JSON.readTree(store.body()).path("emails")) {
      if (mail.path("destination").path("to").toString().contains(to)) {
        return mail;
      }
    }
    throw new AssertionError("no mail to " + to + " in aws-ses-v2-local: " + store.body());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String path, String body, String idToken) throws Exception {
    return send(request(path, idToken).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> get(String path, String idToken) throws Exception {
    return send(request(path, idToken).GET());
  }

  private static HttpRequest.Builder request(String path, String idToken) {
    var builder = HttpRequest.newBuilder(URI.create(cloud.endpoints().gateway() + path)).header("content-type", "application/json");
    return idToken == null ? builder : builder.header("authorization", "Bearer " + idToken);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
