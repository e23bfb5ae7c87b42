package nl.klantportaal.identity.adapter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.accounts.identity.domain.EmailChangeNotice;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The notice's words: each language its own, summer time named, the support address when there is one, nothing linked. */
class EmailChangedMailTest {
  /** 14:05 on the Amsterdam clock in summer time. */
  private static final Instant SUMMER = Instant.parse("2026-07-01T12:05:00Z");

  private static EmailChangeNotice notice(Language language) {
    return new EmailChangeNotice(new UserId("u-1"), Optional.empty(), 4, "oud@example.test", "nieuw.adres@example.org",
        "Anna & Co", language, SUMMER);
  }

  @Test
  void eachLanguageHasItsOwnWordsAndTheMomentOnTheAmsterdamClockInSummerTime() {
    var nl = EmailChangedMail.render(notice(Language.NL), Optional.of("support@example.test"));
    var en = EmailChangedMail.render(notice(Language.EN), Optional.of("support@example.test"));
    var de = EmailChangedMail.render(notice(Language.DE), Optional.of("support@example.test"));
    assertEquals(3, Set.of(nl.subject(), en.subject(), de.subject()).size());
    assertTrue(nl.text().contains("op 1 juli 2026 om 14:05 (CEST) gewijzigd in n•••@example.org"), nl.text());
    assertTrue(en.text().contains("on July 1, 2026 at 14:05 (CEST) to n•••@example.org"), en.text());
    assertTrue(de.text().contains("am 1. Juli 2026 um 14:05 Uhr (MESZ) in n•••@example.org geändert"), de.text());
    for (var mail : new nl.klantportaal.notifications.domain.ParagraphMail[] {nl, en, de}) {
      assertTrue(mail.text().endsWith("Klantportaal\n"), mail.text());
      assertTrue(mail.text().contains("support@example.test"), mail.text());
      assertFalse(mail.text().contains("nieuw.adres"), mail.text());
      assertFalse(mail.text().contains("http"), "no link: " + mail.text());
      assertFalse(mail.html().contains("<a "), mail.html());
      assertTrue(mail.html().contains("Anna &amp; Co"), mail.html());
    }
    assertTrue(nl.text().contains("ook als u e-mail in het portaal heeft uitgezet"), nl.text());
    assertTrue(en.text().contains("even if you switched off e-mail in the portal"), en.text());
    assertTrue(de.text().contains("auch, wenn Sie E-Mails im Portal abgeschaltet haben"), de.text());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void withoutASupportAddressItSaysToContactTheServiceDeskNotToReply(Language language) {
    var mail = EmailChangedMail.render(notice(language), Optional.empty());
    assertFalse(mail.text().contains("@example.test"), mail.text());
    Set<String> reply = new HashSet<>(Set.of("beantwoord", "reply", "Antworten"));
    reply.removeIf(word -> !mail.text().contains(word));
    assertEquals(Set.of(), reply, "no reply advice where the sender receives nothing: " + mail.text());
    assertTrue(mail.text().contains(switch (language) {
      case NL -> "Neem dan direct contact op met onze servicedesk.";
      case EN -> "Contact our service desk straight away.";
      case DE -> "Wenden Sie sich bitte sofort an unseren Servicedesk.";
    }), mail.text());
  }

  @Test
  void theSupportAddressIsNamedBareAsTheMailboxIsWrittenInTheSettings() {
    assertEquals("support@example.test", EmailChangedMail.bareAddress("Klantportaal support <support@example.test>"));
    assertEquals("support@example.test", EmailChangedMail.bareAddress("support@example.test"));
  }
}
