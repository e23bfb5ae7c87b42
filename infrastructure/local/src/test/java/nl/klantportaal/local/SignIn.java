package nl.klantportaal.local;

import static nl.klantportaal.local.GatewayClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Signing in through the portal's own routes on a local cloud of the real template: the password
 * step ({@code /auth/sign-in}), TOTP enrolment ({@code /me/mfa/totp}, {@code /me/mfa/totp/verify})
 * and the TOTP challenge ({@code /auth/sign-in/totp}), with codes computed as an authenticator app would.
 */
record SignIn(GatewayClient gateway, Path state) {

  static SignIn of(LocalCloud cloud) {
    return new SignIn(GatewayClient.of(cloud), cloud.state().root());
  }

  /** The password step as it is, whatever it answers. */
  HttpResponse<String> attempt(String email, String password) throws IOException, InterruptedException {
    return gateway.post("/auth/sign-in", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
  }

  /** The password step of an account without TOTP: signed in at once; answers the tokens. */
  JsonNode withPassword(String email, String password) throws IOException, InterruptedException {
    JsonNode signedIn = json(attempt(email, password));
    assertEquals("signed-in", signedIn.path("status").asText(), signedIn.toString());
    return signedIn;
  }

  /** Password sign-in, then TOTP enrolment through /me/mfa/totp and its verification; answers the secret. */
  String enrolTotp(String email, String password) throws IOException, InterruptedException {
    JsonNode signedIn = withPassword(email, password);
    String idToken = signedIn.path("idToken").asText();
    String accessToken = signedIn.path("accessToken").asText();
    String secret = json(gateway.post("/me/mfa/totp", "{\"accessToken\":\"" + accessToken + "\"}", idToken)).path("secret")
        .asText();
    assertEquals(204, gateway.post("/me/mfa/totp/verify", "{\"accessToken\":\"" + accessToken + "\",\"code\":\""
        + Totp.code(secret, Instant.now()) + "\"}", idToken).statusCode());
    return secret;
  }

  /** The password step, which asks for TOTP, then the challenge answered with a code of {@code secret}; answers the tokens. */
  JsonNode withTotp(String email, String password, String secret) throws IOException, InterruptedException {
    return withCode(email, password, Totp.code(secret, Instant.now()));
  }

  /** A demo account (DemoData) through the TOTP challenge with its current code; answers the ID token. */
  String demo(String email) throws IOException, InterruptedException {
    return demoTokens(email).path("idToken").asText();
  }

  /** A demo account (DemoData) through the TOTP challenge with its current code; answers the whole sign-in answer (tokens, expiresIn). */
  JsonNode demoTokens(String email) throws IOException, InterruptedException {
    return withCode(email, DemoData.PASSWORD, DemoData.currentCode(state, email));
  }

  private JsonNode withCode(String email, String password, String code) throws IOException, InterruptedException {
    JsonNode challenge = json(attempt(email, password));
    assertEquals("totp-required", challenge.path("status").asText(), challenge.toString());
    HttpResponse<String> answer = gateway.post("/auth/sign-in/totp", "{\"email\":\"" + email + "\",\"session\":\""
        + challenge.path("session").asText() + "\",\"code\":\"" + code + "\"}", null);
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode signedIn = json(answer);
    assertEquals("signed-in", signedIn.path("status").asText(), signedIn.toString());
    return signedIn;
  }
}
