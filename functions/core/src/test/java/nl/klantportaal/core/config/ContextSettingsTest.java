package nl.klantportaal.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextSettingsTest {
  private static Config config(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "PortalTable", "AWS_REGION", "eu-west-1",
        "CURSOR_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    env.putAll(extra);
    return Config.fromEnvironment(env);
  }

  @Test
  void aMissingVariableFailsTheInitNamingIt() {
    var missing = assertThrows(IllegalStateException.class, () -> ContextSettings.AppClient.from(
        config(Map.of("USER_POOL_CLIENT_ID", "client"))));
    assertTrue(missing.getMessage().contains("USER_POOL_CLIENT_SECRET"), missing.getMessage());
    var blank = assertThrows(IllegalStateException.class, () -> ContextSettings.Attachments.from(
        config(Map.of("ATTACHMENTS_BUCKET", "  "))));
    assertTrue(blank.getMessage().contains("ATTACHMENTS_BUCKET"), blank.getMessage());
  }

  @Test
  void aMalformedValueFailsTheInitNamingItAndWhatWasExpected() {
    var days = assertThrows(IllegalStateException.class, () -> ContextSettings.Tickets.from(
        config(Map.of("AUTO_CLOSE_DAYS", "seven"))));
    assertTrue(days.getMessage().contains("AUTO_CLOSE_DAYS") && days.getMessage().contains("whole number"),
        days.getMessage());
    var ahead = assertThrows(IllegalStateException.class, () -> ContextSettings.DueScan.from(
        config(Map.of("SCAN_AHEAD_LIMIT", "1 minute"))));
    assertTrue(ahead.getMessage().contains("SCAN_AHEAD_LIMIT"), ahead.getMessage());
  }

  @Test
  void settingsAreReadTypedWithTheirDefaults() {
    assertEquals(Duration.ofDays(7), ContextSettings.Tickets.from(config(Map.of())).autoCloseAfter());
    assertEquals(Duration.ofDays(3), ContextSettings.Tickets.from(config(Map.of("AUTO_CLOSE_DAYS", "3"))).autoCloseAfter());
    var mail = ContextSettings.Mail.from(config(Map.of("SENDER_ADDRESS", "Servicedesk <support@msp.example.test>",
        "PORTAL_ORIGIN", "https://portal.example.test/")));
    assertEquals("https://portal.example.test", mail.portalOrigin());
    assertEquals(Optional.empty(), mail.configurationSet());
    assertEquals(Optional.empty(), mail.adminSenderAddress());
    assertEquals("Servicedesk <support@msp.example.test>", mail.administrativeSenderAddress(),
        "without ADMIN_SENDER_ADDRESS administrative mail comes from the default sender");
    var withAdmin = ContextSettings.Mail.from(config(Map.of("SENDER_ADDRESS", "Servicedesk <support@msp.example.test>",
        "ADMIN_SENDER_ADDRESS", "Administratie <administratie@msp.example.test>", "PORTAL_ORIGIN", "https://portal.example.test")));
    assertEquals("Administratie <administratie@msp.example.test>", withAdmin.administrativeSenderAddress());
    assertEquals("Servicedesk <support@msp.example.test>", withAdmin.senderAddress());
    assertEquals(new ContextSettings.DueScan(Optional.of(Duration.ofMinutes(1)), Optional.empty()),
        ContextSettings.DueScan.from(config(Map.of("SCAN_AHEAD_LIMIT", "PT1M"))));
  }
}
