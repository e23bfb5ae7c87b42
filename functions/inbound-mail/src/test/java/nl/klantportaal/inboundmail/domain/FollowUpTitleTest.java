package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reply to a closed ticket's mail becomes a new ticket titled by what it is about, not "Re: [#acme-7] Gesloten: ...". */
class FollowUpTitleTest {
  private static ParsedMail subject(String subject) {
    return new ParsedMail(Optional.of("<m1@acme.example>"), Optional.of("jan@acme.example"), subject, Map.of(), "Tekst", false,
        List.of(), List.of(), List.of(), false, List.of());
  }

  @Test
  void theReplyPrefixesTheClosedTicketsTokenAndTheMailsKindAreLeftOut() {
    assertEquals("Printer <2> & jams", MailText.followUpTitle(subject("Re: [#acme-7] Gesloten: Printer <2> & jams"), "acme-7"));
    assertEquals("Drucker", MailText.followUpTitle(subject("AW: AW: [#acme-7] Geschlossen: Drucker"), "acme-7"));
    assertEquals("Printer", MailText.followUpTitle(subject("RE[2]: [#ACME-7] Closed: Printer"), "acme-7"));
    assertEquals("Scanner", MailText.followUpTitle(subject("Antw: [#acme-7] Scanner"), "acme-7"), "no kind label: the rest");
    assertEquals("Re: [#acme-7] Opgelost:", MailText.followUpTitle(subject("Re: [#acme-7] Opgelost:"), "acme-7"),
        "nothing left: the subject as it was");
  }

  @Test
  void aSubjectOfAnotherFormKeepsItsWords() {
    assertEquals("Vraag over [#acme-7]", MailText.followUpTitle(subject("Vraag over [#acme-7]"), "acme-7"));
    assertEquals("Re: [#acme-8] Gesloten: x", MailText.followUpTitle(subject("Re: [#acme-8] Gesloten: x"), "acme-7"));
  }
}
