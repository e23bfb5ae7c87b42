package nl.klantportaal.identity.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to /auth and /me security routes is refused before anything reaches Cognito (the
 * flows themselves run against cognito-local in the local cloud's tests).
 */
class AuthInputHandlerTest {
  private KernelWiring wiring;

  @BeforeEach
  void wiring() {
    wiring = IdentityFixtures.freshWiring();
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    var event = Lambda.httpEvent("identity/" + fixture);
    return fixture.startsWith("auth/")
        ? new AuthHandler(wiring).handleRequest(event, Lambda.context("auth"))
        : new AccountSecurityHandler(wiring).handleRequest(event, Lambda.context("account-security"));
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "auth/sign-up-weak-password.json, 400, validation-failed",
      "auth/sign-up-missing-names.json, 400, validation-failed",
      "auth/sign-up-oversize-name.json, 400, validation-failed",
      "auth/sign-up-malformed.json, 400, malformed-json",
      "auth/confirm-bad-code-format.json, 400, validation-failed",
      "auth/sign-in-missing-password.json, 400, validation-failed",
      "auth/reset-password-weak.json, 400, validation-failed",
      "account-security/totp-verify-bad-code.json, 400, validation-failed",
      "account-security/change-password-same.json, 400, validation-failed",
      "account-security/change-password-without-mfa.json, 403, mfa-required",
  })
  void refusedWithAProblem(String fixture, int status, String type) {
    var response = call(fixture);
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals(type, HttpEvents.problemType(response));
    assertFalse(response.getBody().contains("Vlinder"), "a password never appears in an answer");
  }

  @Test
  void aWeakPasswordNamesEachRule() {
    List<String> codes = new ArrayList<>();
    HttpEvents.json(call("auth/sign-up-weak-password.json")).get("errors").forEach(e -> codes.add(e.get("code").asText()));
    assertEquals(List.of("length", "uppercase", "symbol", "contains-email"), codes);
  }

  @Test
  void missingFieldsAreListedTogether() {
    List<String> fields = new ArrayList<>();
    HttpEvents.json(call("auth/sign-up-missing-names.json")).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("email", "firstName", "lastName", "displayName", "language"), fields);
  }
}
