package nl.klantportaal.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.ticketing.domain.Priority;
import org.junit.jupiter.api.Test;

class SlaMailTest {
  private static final SlaMail.About ABOUT = new SlaMail.About("acme-fixture-7", "<b>Mail</b>\r\nstuk", Priority.CRITICAL,
      TargetKind.RESOLUTION, Instant.parse("2026-11-24T16:00:00Z"));

  @Test
  void eachKindHasItsSubjectInEachLanguageWithTheTicketToken() {
    assertEquals("[#acme-fixture-7] SLA-waarschuwing: <b>Mail</b>  stuk",
        SlaMail.render(MailKind.SLA_WARNING, Language.NL, ABOUT, "Agent", "https://p").subject());
    assertEquals("[#acme-fixture-7] SLA breached: <b>Mail</b>  stuk",
        SlaMail.render(MailKind.SLA_BREACH, Language.EN, ABOUT, "Agent", "https://p").subject());
    assertEquals("[#acme-fixture-7] Erinnerung: <b>Mail</b>  stuk",
        SlaMail.render(MailKind.SLA_REMINDER, Language.DE, ABOUT, "Jan", "https://p").subject());
    assertEquals("[#acme-fixture-7] Priorität gesenkt: <b>Mail</b>  stuk",
        SlaMail.render(MailKind.SLA_PRIORITY_DROP, Language.DE, ABOUT, "Jan", "https://p").subject());
  }

  @Test
  void theDeadlineIsShownInAmsterdamTimeAndTheTitleEscapedInHtml() {
    var mail = SlaMail.render(MailKind.SLA_BREACH, Language.NL, ABOUT, "Agent", "https://portal.example.test");
    assertTrue(mail.text().contains("De oplostijd (Kritiek) is overschreden sinds 24 november 2026 om 17:00 (CET)."), mail.text());
    assertTrue(mail.text().contains("https://portal.example.test/#/tickets/acme-fixture-7"));
    assertTrue(mail.html().contains("&lt;b&gt;Mail&lt;/b&gt;"), mail.html());
    assertFalse(mail.html().contains("<b>Mail</b>"));
  }

  @Test
  void ticketMailKindsAreNotSlaMails() {
    assertThrows(IllegalArgumentException.class,
        () -> SlaMail.render(MailKind.REPLY, Language.EN, ABOUT, "Agent", "https://p"));
  }

  @Test
  void theDeadlineIsWrittenInTheRecipientsLanguageWithItsZoneNeverAsAnIsoTimestamp() {
    assertTrue(SlaMail.render(MailKind.SLA_WARNING, Language.EN, ABOUT, "Agent", "https://p").text()
        .contains("the deadline is November 24, 2026 at 17:00 (CET)."));
    assertTrue(SlaMail.render(MailKind.SLA_BREACH, Language.EN, ABOUT, "Agent", "https://p").text()
        .contains("was breached on November 24, 2026 at 17:00 (CET)."));
    assertTrue(SlaMail.render(MailKind.SLA_WARNING, Language.DE, ABOUT, "Agent", "https://p").text()
        .contains("die Frist endet am 24. November 2026 um 17:00 Uhr (MEZ)."));
    assertTrue(SlaMail.render(MailKind.SLA_ON_CALL, Language.NL, ABOUT, "Agent", "https://p").text()
        .contains("de oplostijd loopt af op 24 november 2026 om 17:00 (CET)."));
    for (Language language : Language.values()) {
      for (MailKind kind : new MailKind[] {MailKind.SLA_WARNING, MailKind.SLA_BREACH, MailKind.SLA_ON_CALL}) {
        String text = SlaMail.render(kind, language, ABOUT, "Agent", "https://p").text();
        assertFalse(text.contains("2026-11-24"), kind + " " + language + ": " + text);
      }
    }
  }

  @Test
  void anOnCallAddressIsGreetedWithoutAName() {
    assertTrue(SlaMail.render(MailKind.SLA_ON_CALL, Language.NL, ABOUT, "", "https://p").text().startsWith("Goedendag,\n\n"));
    assertTrue(SlaMail.render(MailKind.SLA_WARNING, Language.EN, ABOUT, "", "https://p").text().startsWith("Hello,\n\n"));
    assertTrue(SlaMail.render(MailKind.SLA_BREACH, Language.DE, ABOUT, "", "https://p").html().contains("<p>Guten Tag,</p>"));
  }
}
