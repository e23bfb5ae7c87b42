package nl.klantportaal.identity.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomMessageHandlerTest {
  private final CustomMessageHandler handler = new CustomMessageHandler(Map.of());

  private CognitoUserPoolCustomMessageEvent.Response call(String fixture) {
    var event = EventLoader.loadEvent(Lambda.events().resolve("identity/custom-message/" + fixture).toString(),
        CognitoUserPoolCustomMessageEvent.class);
    return handler.handleRequest(event, Lambda.context("custom-message")).getResponse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "sign-up-nl.json, Uw verificatiecode voor het Klantportaal",
      "resend-code-en.json, Your Klantportaal verification code",
      "forgot-password-de.json, Passwort für das Klantportaal zurücksetzen",
      "update-email-nl.json, Bevestig uw nieuwe e-mailadres",
  })
  void writesTheMailInTheUsersLanguageWithTheCodePlaceholder(String fixture, String subject) {
    var response = call(fixture);
    assertEquals(subject, response.getEmailSubject());
    assertTrue(response.getEmailMessage().contains("{####}"), response.getEmailMessage());
    assertTrue(response.getEmailMessage().contains("Sanne &lt;b&gt;de&lt;/b&gt; Vries"), "the display name is escaped");
    assertFalse(response.getEmailMessage().contains("<b>de</b>"));
  }

  @Test
  void theWelcomeMailCarriesUsernameAndTemporaryPassword() {
    var response = call("admin-create-user-en.json");
    assertTrue(response.getEmailMessage().contains("{username}"));
    assertTrue(response.getEmailMessage().contains("{####}"));
  }

  @Test
  void otherMessagesKeepCognitosDefault() {
    assertNull(call("authentication-code.json").getEmailMessage());
  }
}
