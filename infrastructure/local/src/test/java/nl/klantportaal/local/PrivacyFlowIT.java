package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDPR end to end through the local gateway of the real template.yaml (docs/privacy.md): a customer user
 * with a ticket and a reply, the provider admin's export (what it holds), the erasure (confirmed by the
 * address), then: the person cannot sign in (the account left cognito-local), the ticket is still there
 * with "voormalig gebruiker" as reporter and author, the texts stay, and the audit names the erasure.
 */
class PrivacyFlowIT {
  private static final String PASSWORD = "Regenboog-Fiets-2026!";
  private static final String ADMIN = "beheer@provider.example.test";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static KernelWiring wiring;
  private static CognitoPool pool;
  private static GatewayClient gateway;
  private static SignIn signIn;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    DemoData.seed(cloud).orElseThrow();
    wiring = TestClouds.wiring(cloud, "UsersFunction");
    pool = CognitoPool.open(cloud);
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
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

  @Test
  void aUserWithATicketIsExportedThenErasedAndTheTicketKeepsAFormerUser() throws Exception {
    // A customer user of demo-acme (Dutch) with MFA, linked by the provider admin
    String email = "vera@acme.example.test";
    UserId vera = pool.createAccount(email, PASSWORD);
    IdentityWiring.of(wiring).users().createIfAbsent(UserProfile.signedUp(vera, email,
        new UserProfile.PersonName("Vera", "Verbeek", "Vera Verbeek"), Language.NL, Instant.now()));
    String secret = signIn.enrolTotp(email, PASSWORD);
    String admin = signIn.demo(ADMIN);
    String users = "/users/" + vera.value();
    long version = IdentityWiring.of(wiring).users().find(vera).orElseThrow().version();
    JsonNode linked = json(gateway.post(users + "/link", "{\"customerId\":\"demo-acme\",\"role\":\"customer-user\",\"version\":"
        + version + "}", admin));
    assertEquals("customer-user", linked.path("role").asText(), linked.toString());
    String veraToken = signIn.withTotp(email, PASSWORD, secret).path("idToken").asText();

    // Her ticket and a reply of hers
    HttpResponse<String> created = gateway.send(gateway.request("/tickets", veraToken).POST(HttpRequest.BodyPublishers.ofString(
        "{\"type\":\"incident\",\"category\":\"email\",\"priority\":\"normal\",\"title\":\"Agenda synchroniseert niet\","
            + "\"description\":\"Sinds maandag mist mijn telefoon afspraken.\"}")));
    assertEquals(201, created.statusCode(), created.body());
    String ticket = json(created).path("id").asText();
    assertEquals(201, gateway.post("/tickets/" + ticket + "/messages", "{\"body\":\"Ook op de laptop.\"}", veraToken).statusCode());

    // The export: profile, the ticket with her reply, the audit of her link; and the export is audited itself
    HttpResponse<String> refused = gateway.get(users + "/export", signIn.demo("jan@acme.example.test"));
    assertEquals(403, refused.statusCode(), refused.body());
    JsonNode archive = json(gateway.get(users + "/export", admin));
    assertEquals("klantportaal-personal-data/1", archive.path("format").asText(), archive.toString());
    assertEquals(email, archive.path("profile").path("email").asText());
    assertEquals("Vera Verbeek", archive.path("profile").path("displayName").asText());
    JsonNode exported = archive.path("tickets").get(0);
    assertEquals(ticket, exported.path("token").asText(), archive.toString());
    assertTrue(exported.path("reported").asBoolean());
    assertTrue(exported.path("messages").toString().contains("Ook op de laptop."), exported.toString());
    assertTrue(archive.path("audit").path("aboutThem").toString().contains("user.linked"), archive.path("audit").toString());
    assertTrue(archive.path("mails").isArray());

    // The erasure: a wrong address erases nothing; the right one does
    long current = IdentityWiring.of(wiring).users().find(vera).orElseThrow().version();
    HttpResponse<String> wrong = gateway.post(users + "/erase", "{\"email\":\"iemand@acme.example.test\",\"version\":" + current + "}",
        admin);
    assertEquals(400, wrong.statusCode(), wrong.body());
    JsonNode erased = json(gateway.post(users + "/erase", "{\"email\":\"" + email + "\",\"version\":" + current + "}", admin));
    assertEquals(vera.value(), erased.path("userId").asText(), erased.toString());
    assertTrue(erased.path("ticketItemsRenamed").asInt() >= 2, erased.toString());

    // She cannot sign in any more; the profile is gone
    HttpResponse<String> signInAfter = signIn.attempt(email, PASSWORD);
    assertEquals(401, signInAfter.statusCode(), "the account left cognito-local: " + signInAfter.body());
    assertTrue(IdentityWiring.of(wiring).users().find(vera).isEmpty());
    assertEquals(404, gateway.get(users + "/export", admin).statusCode());

    // The ticket is still there, with the former user's name and her texts
    JsonNode detail = json(gateway.get("/tickets/" + ticket, signIn.demo(ADMIN)));
    assertEquals("voormalig gebruiker", detail.path("ticket").path("reporter").path("name").asText(), detail.toString());
    assertEquals(vera.value(), detail.path("ticket").path("reporter").path("id").asText(), "the id stays");
    JsonNode reply = null;
    for (JsonNode message : detail.path("messages")) {
      if (message.path("body").asText().equals("Ook op de laptop.")) {
        reply = message;
      }
    }
    assertTrue(reply != null, detail.toString());
    assertEquals("voormalig gebruiker", reply.path("authorName").asText());
    assertFalse(detail.toString().contains("Vera Verbeek"), "her name is nowhere in the ticket");

    // The audit names the erasure by ids only
    JsonNode audit = json(gateway.get("/audit?object=user:" + vera.value(), admin)).path("items");
    assertEquals("user.erased", audit.get(0).path("action").asText(), audit.toString());
    assertFalse(audit.toString().contains(email), "ids only");
  }
}
