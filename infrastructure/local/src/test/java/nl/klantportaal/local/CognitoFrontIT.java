package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Cognito front holds cognito-local to, as Cognito itself behaves, through the portal's
 * own /auth routes on a local cloud of the real template: a sign-in session answers only the user,
 * app client and challenge it was issued for, once; a resent sign-up code replaces the first one;
 * a confirmed address is verified; a sign-up code is in cognito-local's log when the sign-up answers.
 */
class CognitoFrontIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAN = "jan@acme.example.test";
  private static final String ILSE = "it@acme.example.test";

  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();


  @Test
  void aSignInSessionAnswersOnlyTheUserAndChallengeItWasIssuedForAndOnlyOnce() throws Exception {
    JsonNode janStep = json(DEMO.signIn().attempt(JAN, DemoData.PASSWORD));
    assertEquals("totp-required", janStep.path("status").asText());
    String janSession = janStep.path("session").asText();

    HttpResponse<String> othersCode = totp(ILSE, janSession, DemoData.currentCode(DEMO.cloud().state().root(), ILSE));
    assertEquals(401, othersCode.statusCode(), "Jan's session does not sign Ilse in: " + othersCode.body());
    assertEquals(401, totp(ILSE, "bWFkZS11cC1zZXNzaW9u", DemoData.currentCode(DEMO.cloud().state().root(), ILSE)).statusCode(),
        "a made-up session");
    HttpResponse<String> takeover = DEMO.gateway().post("/auth/sign-in/new-password", "{\"email\":\"" + ILSE
        + "\",\"session\":\"" + janSession + "\",\"newPassword\":\"Overgenomen-Wachtw00rd!\"}", null);
    assertEquals(401, takeover.statusCode(), "no password set through another user's session: " + takeover.body());
    HttpResponse<String> wrongChallenge = DEMO.gateway().post("/auth/sign-in/new-password", "{\"email\":\"" + JAN
        + "\",\"session\":\"" + janSession + "\",\"newPassword\":\"Overgenomen-Wachtw00rd!\"}", null);
    assertEquals(401, wrongChallenge.statusCode(), "a TOTP session does not answer a new-password challenge");

    HttpResponse<String> own = totp(JAN, janSession, DemoData.currentCode(DEMO.cloud().state().root(), JAN));
    assertEquals("signed-in", json(own).path("status").asText());
    assertEquals(401, totp(JAN, janSession, DemoData.currentCode(DEMO.cloud().state().root(), JAN)).statusCode(),
        "a session is spent by the answer that completes it");
    assertEquals("signed-in", DEMO.signIn().demoTokens(ILSE).path("status").asText(), "Ilse's password is unchanged");
  }

  @Test
  void aResentCodeConfirmsTheSignUpTheFirstNoLongerAndTheAddressIsVerified() throws Exception {
    String email = "nieuw@bakkerij.example.test";
    assertEquals(202, DEMO.gateway().post("/auth/sign-up", "{\"email\":\"" + email + "\",\"password\":\"Vlinder-Regen42\","
        + "\"firstName\":\"Nina\",\"lastName\":\"Nieuw\",\"displayName\":\"Nina Nieuw\",\"language\":\"en\"}", null)
        .statusCode());
    String first = TestClouds.storedConfirmationCode(DEMO.cloud(), email);
    assertTrue(codeLog().contains(first), "the sign-up code is in cognito-local's log when the sign-up answers");

    assertEquals(202, DEMO.gateway().post("/auth/resend-code", "{\"email\":\"" + email + "\"}", null).statusCode());
    String second = lastResentCode(email);
    assertNotEquals(first, second);
    String delivery = codeLog().substring(codeLog().lastIndexOf("Destination:   " + email));
    assertTrue(delivery.contains("Email Subject: Your Klantportaal verification code"),
        "the CustomMessage trigger (CustomMessage_ResendCode) wrote the mail in the user's language: " + delivery);
    assertTrue(delivery.contains(second), "with the new code in it");
    assertEquals(400, confirm(email, first).statusCode(), "the first code no longer counts");
    assertEquals(204, confirm(email, second).statusCode());

    JsonNode tokens = DEMO.signIn().withPassword(email, "Vlinder-Regen42");
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(tokens.path("idToken").asText().split("\\.")[1]));
    assertEquals("true", claims.path("email_verified").asText(), claims.toString());

    long logged = resentCodesLogged();
    assertEquals(202, DEMO.gateway().post("/auth/resend-code", "{\"email\":\"" + email + "\"}", null).statusCode(),
        "a confirmed address is answered like any other");
    assertEquals(202, DEMO.gateway().post("/auth/resend-code", "{\"email\":\"niemand@example.test\"}", null).statusCode());
    assertEquals(logged, resentCodesLogged(), "and gets no code");
  }

  private static HttpResponse<String> totp(String email, String session, String code) throws Exception {
    return DEMO.gateway().post("/auth/sign-in/totp", "{\"email\":\"" + email + "\",\"session\":\"" + session + "\",\"code\":\""
        + code + "\"}", null);
  }

  private static HttpResponse<String> confirm(String email, String code) throws Exception {
    return DEMO.gateway().post("/auth/confirm", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}", null);
  }

  private static String codeLog() throws Exception {
    return Files.readString(DEMO.cloud().state().logs().resolve("cognito-local.log"), StandardCharsets.UTF_8);
  }

  private static long resentCodesLogged() throws Exception {
    return codeLog().lines().filter(line -> line.startsWith("Confirmation Code Delivery (ResendConfirmationCode")).count();
  }

  /** The code the front logged last for {@code email} (its delivery block names the address, then the code). */
  private static String lastResentCode(String email) throws Exception {
    String log = codeLog();
    int at = log.lastIndexOf("Destination:   " + email);
    assertTrue(at >= 0, "a resent code for " + email + " is logged");
    String rest = log.substring(log.indexOf("Code:", at) + "Code:".length()).strip();
    return rest.substring(0, 6);
  }
}
