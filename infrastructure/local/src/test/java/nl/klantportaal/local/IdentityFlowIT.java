package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity slice through the real template.yaml in the local cloud: the /auth and /me
 * functions, the Cognito triggers reached by cognito-local, the JWT authorizer, with a TOTP code
 * computed here as an authenticator app would.
 */
class IdentityFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "sanne@bakkerij.example.test";
  private static final String PASSWORD = "Vlinder-Regen42";

  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();


  @Test
  void signUpConfirmSignInEnrolTotpAndSignInThroughTheChallenge() throws Exception {
    assertEquals(202, DEMO.gateway().post("/auth/sign-up", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD
        + "\",\"firstName\":\"Sanne\",\"lastName\":\"de Vries\",\"displayName\":\"Sanne de Vries\",\"language\":\"nl\"}", null)
        .statusCode());
    assertEquals(202, DEMO.gateway().post("/auth/sign-up", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD
        + "\",\"firstName\":\"X\",\"lastName\":\"Y\",\"displayName\":\"Z\"}", null).statusCode(), "a taken address answers alike");
    assertEquals(400, DEMO.gateway().post("/auth/confirm", "{\"email\":\"" + EMAIL + "\",\"code\":\"000000\"}", null).statusCode());
    assertEquals(204, DEMO.gateway().post("/auth/confirm", "{\"email\":\"" + EMAIL + "\",\"code\":\"" + confirmationCode() + "\"}", null)
        .statusCode());

    var wrong = DEMO.signIn().attempt(EMAIL, "Wrong-Passw0rd!");
    var unknown = DEMO.signIn().attempt("nobody@example.test", "Wrong-Passw0rd!");
    assertEquals(401, wrong.statusCode());
    assertEquals(JSON.readTree(wrong.body()).path("type"), JSON.readTree(unknown.body()).path("type"),
        "unknown account and wrong password answer alike");

    JsonNode first = JSON.readTree(DEMO.signIn().attempt(EMAIL, PASSWORD).body());
    assertEquals("signed-in", first.path("status").asText());
    String idToken = first.path("idToken").asText();
    String accessToken = first.path("accessToken").asText();
    JsonNode me = JSON.readTree(DEMO.gateway().get("/me", idToken).body());
    assertEquals(true, me.path("pending").asBoolean());
    assertEquals(false, me.path("mfaEnrolled").asBoolean());
    assertEquals("Sanne de Vries", me.path("profile").path("displayName").asText(), "stored by the PostConfirmation trigger");
    assertEquals(403, DEMO.gateway().patch("/me", "{\"displayName\":\"S\",\"version\":1}", idToken).statusCode(), "mfa-required");

    JsonNode enrolment = JSON.readTree(DEMO.gateway().post("/me/mfa/totp", "{\"accessToken\":\"" + accessToken + "\"}", idToken).body());
    String secret = enrolment.path("secret").asText();
    assertTrue(enrolment.path("otpauthUri").asText().startsWith("otpauth://totp/Klantportaal%3A"), enrolment.toString());
    assertTrue(enrolment.path("qrCodeSvg").asText().startsWith("<svg"));
    assertEquals(204, DEMO.gateway().post("/me/mfa/totp/verify", "{\"accessToken\":\"" + accessToken + "\",\"code\":\"" + totp(secret)
        + "\"}", idToken).statusCode());

    JsonNode challenge = JSON.readTree(DEMO.signIn().attempt(EMAIL, PASSWORD).body());
    assertEquals("totp-required", challenge.path("status").asText());
    String session = challenge.path("session").asText();
    assertEquals(400, DEMO.gateway().post("/auth/sign-in/totp", "{\"email\":\"" + EMAIL + "\",\"session\":\"" + session
        + "\",\"code\":\"" + wrongCode(secret) + "\"}", null).statusCode());
    JsonNode signedIn = JSON.readTree(DEMO.gateway().post("/auth/sign-in/totp", "{\"email\":\"" + EMAIL + "\",\"session\":\"" + session
        + "\",\"code\":\"" + totp(secret) + "\"}", null).body());
    String enrolledToken = signedIn.path("idToken").asText();
    assertEquals(true, JSON.readTree(DEMO.gateway().get("/me", enrolledToken).body()).path("mfaEnrolled").asBoolean(),
        "the PreTokenGeneration trigger put kp_mfa=true in the new token");
    assertEquals(200, DEMO.gateway().patch("/me", "{\"displayName\":\"Sanne\",\"version\":2}", enrolledToken).statusCode());
  }

  @Test
  void demoAccountsSignInWithTheirCodeAndSeeWhatTheirRoleAllows() throws Exception {
    assertTrue(DEMO.seeded().contains("beheer@provider.example.test"), DEMO.seeded());
    String admin = DEMO.signIn().demo("beheer@provider.example.test");
    JsonNode customers = JSON.readTree(DEMO.gateway().get("/customers", admin).body()).path("items");
    assertEquals(2, customers.size(), customers.toString());
    assertEquals(200, DEMO.gateway().get("/admin/pending-users", admin).statusCode());

    String customerUser = DEMO.signIn().demo("jan@acme.example.test");
    var refused = DEMO.gateway().get("/customers", customerUser);
    assertEquals(403, refused.statusCode());
    assertEquals("urn:klantportaal:problem:forbidden", JSON.readTree(refused.body()).path("type").asText());
    JsonNode me = JSON.readTree(DEMO.gateway().get("/me", customerUser).body());
    assertEquals("demo-acme", me.path("customerId").asText());
    assertEquals("customer-user", me.path("role").asText());
  }

  @Test
  void aForgottenPasswordIsResetWithTheMailedCode() throws Exception {
    String email = "herstel@bakkerij.example.test";
    String first = "Vlinder-Regen42";
    String second = "Zonnebloem-Veld-73";
    assertEquals(202, DEMO.gateway().post("/auth/sign-up", "{\"email\":\"" + email + "\",\"password\":\"" + first
        + "\",\"firstName\":\"Hanna\",\"lastName\":\"Herstel\",\"displayName\":\"Hanna Herstel\"}", null).statusCode());
    assertEquals(204, DEMO.gateway().post("/auth/confirm", "{\"email\":\"" + email + "\",\"code\":\""
        + TestClouds.storedConfirmationCode(DEMO.cloud(), email) + "\"}", null).statusCode());

    assertEquals(202, DEMO.gateway().post("/auth/forgot-password", "{\"email\":\"niemand@bakkerij.example.test\"}", null)
        .statusCode(), "an unknown address is answered like a known one");
    assertEquals(202, DEMO.gateway().post("/auth/forgot-password", "{\"email\":\"" + email + "\"}", null).statusCode());
    String code = TestClouds.storedConfirmationCode(DEMO.cloud(), email);
    assertEquals(204, DEMO.gateway().post("/auth/reset-password", "{\"email\":\"" + email + "\",\"code\":\"" + code
        + "\",\"newPassword\":\"" + second + "\"}", null).statusCode());
    assertEquals(401, DEMO.signIn().attempt(email, first).statusCode(), "the old password no longer signs in");

    JsonNode signedIn = DEMO.signIn().withPassword(email, second);
    assertTrue(signedIn.path("idToken").asText().split("\\.").length == 3, signedIn.toString());

    // Signed in with MFA, she changes it herself: the current one no longer signs in, the new one does
    String third = "Regenboog-Wolk-58";
    String secret = DEMO.signIn().enrolTotp(email, second);
    JsonNode tokens = DEMO.signIn().withTotp(email, second, secret);
    HttpResponse<String> changed = DEMO.gateway().post("/me/password", "{\"accessToken\":\"" + tokens.path("accessToken").asText()
        + "\",\"currentPassword\":\"" + second + "\",\"newPassword\":\"" + third + "\"}", tokens.path("idToken").asText());
    assertEquals(204, changed.statusCode(), changed.body());
    assertEquals(401, DEMO.signIn().attempt(email, second).statusCode(), "the password before the change no longer signs in");
    assertEquals("totp-required", JSON.readTree(DEMO.signIn().attempt(email, third).body()).path("status").asText());
  }

  /**
   * Sessions that survive a reload (docs/claims.md, "Sessions"): the sign-in sets the refresh token in
   * an HttpOnly, Secure, SameSite=Strict cookie for /auth and leaves it out of the body; the cookie
   * alone (as a reloaded page or a second tab has it) restores the session through the gateway; the
   * X-Requested-With header is required; sign-out clears the cookie and revokes the token, and a
   * global sign-out (AdminUserGlobalSignOut, as a role change or deactivation makes it) ends a cookie
   * it never saw, so that both are refused afterwards.
   */
  @Test
  void aSessionIsRestoredFromTheCookieAloneUntilSignOutOrAGlobalSignOut() throws Exception {
    String email = "sessie@bakkerij.example.test";
    String password = "Vlinder-Regen42";
    assertEquals(202, DEMO.gateway().post("/auth/sign-up", "{\"email\":\"" + email + "\",\"password\":\"" + password
        + "\",\"firstName\":\"Sem\",\"lastName\":\"Sessie\",\"displayName\":\"Sem Sessie\"}", null).statusCode());
    assertEquals(204, DEMO.gateway().post("/auth/confirm", "{\"email\":\"" + email + "\",\"code\":\""
        + TestClouds.storedConfirmationCode(DEMO.cloud(), email) + "\"}", null).statusCode());

    // Sign-in: the tokens in the body, the refresh token only in the cookie
    HttpResponse<String> signIn = DEMO.signIn().attempt(email, password);
    assertEquals(200, signIn.statusCode(), signIn.body());
    JsonNode body = JSON.readTree(signIn.body());
    assertEquals("signed-in", body.path("status").asText());
    assertTrue(body.path("refreshToken").isMissingNode(), "no refresh token in the body: " + body);
    List<String> setCookies = signIn.headers().allValues("set-cookie");
    assertEquals(1, setCookies.size(), setCookies.toString());
    String setCookie = setCookies.get(0);
    assertTrue(setCookie.startsWith("kp_session="), setCookie);
    assertTrue(setCookie.endsWith("; Max-Age=2592000; Path=/auth; Secure; HttpOnly; SameSite=Strict"), setCookie);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String sub = JSON.readTree(Base64.getUrlDecoder().decode(body.path("idToken").asText().split("\\.")[1])).path("sub").asText();

    // A reload, and a second tab: only the cookie, and fresh tokens of the same user each time
    for (int tab = 1; tab <= 2; tab++) {
      HttpResponse<String> restored = restore(cookie, true);
      assertEquals(200, restored.statusCode(), restored.body());
      JsonNode tokens = JSON.readTree(restored.body());
      assertTrue(tokens.path("refreshToken").isMissingNode(), tokens.toString());
      String idToken = tokens.path("idToken").asText();
      assertEquals(sub, JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1])).path("sub").asText());
      assertEquals(200, DEMO.gateway().get("/me", idToken).statusCode(), "the restored ID token passes the authorizer");
    }
    HttpResponse<String> withoutHeader = restore(cookie, false);
    assertEquals(403, withoutHeader.statusCode(), "no X-Requested-With (a cross-site form): refused " + withoutHeader.body());
    assertEquals(401, restore(null, true).statusCode(), "no cookie: no session");

    // Sign-out: 204, the cookie cleared, and the cookie a copy kept is refused from now on (and cleared again)
    HttpResponse<String> signOut = DEMO.gateway().send(DEMO.gateway().to("/auth/sign-out").header("cookie", cookie)
        .header("x-requested-with", "klantportaal").POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, signOut.statusCode(), signOut.body());
    assertEquals(List.of("kp_session=; Max-Age=0; Path=/auth; Secure; HttpOnly; SameSite=Strict"),
        signOut.headers().allValues("set-cookie"));
    HttpResponse<String> afterSignOut = restore(cookie, true);
    assertEquals(401, afterSignOut.statusCode(), "signed out: the cookie restores nothing " + afterSignOut.body());
    assertEquals(List.of("kp_session=; Max-Age=0; Path=/auth; Secure; HttpOnly; SameSite=Strict"),
        afterSignOut.headers().allValues("set-cookie"));

    // A global sign-out elsewhere (an admin's role change, a deactivation) ends a cookie it never saw
    HttpResponse<String> again = DEMO.signIn().attempt(email, password);
    String secondCookie = again.headers().firstValue("set-cookie").map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
    assertEquals(200, restore(secondCookie, true).statusCode());
    try (CognitoPool pool = CognitoPool.open(DEMO.cloud())) {
      pool.cognito().adminUserGlobalSignOut(r -> r.userPoolId(pool.id()).username(sub));
    }
    HttpResponse<String> afterGlobal = restore(secondCookie, true);
    assertEquals(401, afterGlobal.statusCode(), "after the global sign-out the cookie is refused " + afterGlobal.body());
    assertEquals("urn:klantportaal:problem:invalid-credentials", JSON.readTree(afterGlobal.body()).path("type").asText());
  }

  /** POST /auth/refresh as the portal sends it on page load: no body, the cookie (if any), X-Requested-With (if asked). */
  private static HttpResponse<String> restore(String cookie, boolean header) throws Exception {
    HttpRequest.Builder request = DEMO.gateway().to("/auth/refresh").POST(HttpRequest.BodyPublishers.noBody());
    if (cookie != null) {
      request.header("cookie", cookie);
    }
    if (header) {
      request.header("x-requested-with", "klantportaal");
    }
    return DEMO.gateway().send(request);
  }

  @Test
  void anEmailChangeIsVerifiedWithTheCodeSentToTheNewAddressAndTheOldAddressIsToldOnce() throws Exception {
    String email = "winkel@bakkerij.example.test";
    String next = "wendy.winkel@bakkerij.example.test";
    MailStore mails = MailStore.of(DEMO.cloud());
    long since = Instant.now().getEpochSecond();
    JsonNode tokens = DEMO.signIn().demoTokens(email);
    String idToken = tokens.path("idToken").asText();
    String accessToken = tokens.path("accessToken").asText();
    assertEquals(202, DEMO.gateway().post("/me/email", "{\"accessToken\":\"" + accessToken + "\",\"newEmail\":\"" + next
        + "\"}", idToken).statusCode());
    String code = TestClouds.storedAttributeCode(DEMO.cloud(), next);
    String verify = "{\"accessToken\":\"" + accessToken + "\",\"code\":\"" + code + "\"}";
    var verified = DEMO.gateway().post("/me/email/verify", verify, idToken);
    assertEquals(200, verified.statusCode(), verified.body());
    assertEquals(next, JSON.readTree(verified.body()).path("profile").path("email").asText(), verified.body());
    assertEquals(next, JSON.readTree(DEMO.gateway().get("/me", idToken).body()).path("profile").path("email").asText());

    // The notice to the old address: sent within the verify (the outbox's delivery), Dutch as the profile, from the
    // usual sender, the new address masked, no link (docs/security.md, "Account security notices")
    String subject = "Het e-mailadres van uw account in het Klantportaal is gewijzigd";
    List<JsonNode> notices = MailStore.to(mails.since(since), email).stream()
        .filter(m -> m.path("subject").asText().equals(subject)).toList();
    assertEquals(1, notices.size(), "one notice to the old address: " + mails.since(since));
    JsonNode notice = notices.getFirst();
    assertTrue(notice.path("from").asText().contains("no-reply@"), notice.toString());
    String text = notice.path("body").path("text").asText();
    assertTrue(text.startsWith("Beste Wendy Winkel,"), text);
    assertTrue(text.contains("gewijzigd in w•••@bakkerij.example.test."), text);
    assertTrue(!text.contains(next) && !text.contains("http"), "the new address masked, no link: " + text);
    assertEquals(List.of(), MailStore.to(mails.since(since), next).stream()
        .filter(m -> m.path("subject").asText().equals(subject)).toList(), "not to the new address");

    // The same code again: cognito-local may take it again or refuse it (Cognito refuses a spent code); either way
    // the change is recorded once and the old address is told once
    var again = DEMO.gateway().post("/me/email/verify", verify, idToken);
    assertTrue(again.statusCode() == 200 || again.statusCode() == 400, again.statusCode() + " " + again.body());
    assertEquals(1, MailStore.to(mails.since(since), email).stream()
        .filter(m -> m.path("subject").asText().equals(subject)).count(), "no second notice");
  }

  @Test
  void malformedAccessTokensAndOversizePasswordsAreRefusedAsInputNotAsFailures() throws Exception {
    String idToken = DEMO.signIn().demo("jan@acme.example.test");
    for (String token : new String[] {"not a token", "eyJhbGciOiJub25lIn0.e30.", "a.b.c"}) {
      for (String[] call : new String[][] {
          {"/me/password", "{\"accessToken\":\"%s\",\"currentPassword\":\"Oud-Wachtw00rd!\",\"newPassword\":\"Nieuw-Wachtw00rd!\"}"},
          {"/me/email", "{\"accessToken\":\"%s\",\"newEmail\":\"jan.nieuw@acme.example.test\"}"},
          {"/me/email/verify", "{\"accessToken\":\"%s\",\"code\":\"123456\"}"},
          {"/me/mfa/totp", "{\"accessToken\":\"%s\"}"},
          {"/me/mfa/totp/verify", "{\"accessToken\":\"%s\",\"code\":\"123456\"}"}}) {
        var answer = DEMO.gateway().post(call[0], call[1].formatted(token), idToken);
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, call[0] + " with " + token + ": "
            + answer.statusCode() + " " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElse(""), call[0]);
      }
    }
    String huge = "x".repeat(200_000);
    var oversize = DEMO.gateway().post("/me/password", "{\"accessToken\":\"a.b.c\",\"currentPassword\":\"" + huge
        + "\",\"newPassword\":\"Nieuw-Wachtw00rd!\"}", idToken);
    assertEquals(400, oversize.statusCode(), oversize.body());
    assertTrue(oversize.body().contains("currentPassword"), oversize.body());
  }

  @Test
  void aMalformedCursorReachesTheFunctionAndIsAProblem() throws Exception {
    String admin = DEMO.signIn().demo("beheer@provider.example.test");
    var answer = DEMO.gateway().raw("GET /customers?cursor=%ZZ% HTTP/1.1", "Authorization: Bearer " + admin);
    assertEquals(400, answer.status(), answer.body());
    assertEquals("application/problem+json", answer.contentType());
    assertEquals("urn:klantportaal:problem:invalid-cursor", JSON.readTree(answer.body()).path("type").asText());
    var unrouted = DEMO.gateway().raw("GET //tickets/x/y/z HTTP/1.1", "Authorization: Bearer " + admin);
    assertEquals(404, unrouted.status(), unrouted.body());
    assertEquals("application/json", unrouted.contentType(), "API Gateway's own {\"message\":\"Not Found\"}");
  }

  private static String confirmationCode() throws Exception {
    return TestClouds.storedConfirmationCode(DEMO.cloud(), EMAIL);
  }

  private static String totp(String secret) {
    return Totp.code(secret, Instant.now());
  }

  private static String wrongCode(String secret) {
    return Totp.code(secret, Instant.now().getEpochSecond() / 30 + 5);
  }
}
