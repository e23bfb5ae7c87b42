package nl.klantportaal.notifications.domain;

import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.TicketStatus;
import static nl.klantportaal.notifications.domain.NotificationFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketMailTest {
  private static final String ORIGIN = "https://portal.example.test";

  private static TicketMail.Rendered render(MailKind kind, Language language, TicketMail.Details details, boolean agent) {
    return TicketMail.render(kind, language, ticket(TicketStatus.RESOLVED, "agent", Optional.empty()), details,
        recipient(language, agent), ORIGIN);
  }

  @ParameterizedTest
  @CsvSource({
      "CREATED, NL, [#acme-fixture-42] Nieuw ticket: Printer <2> & jams, Beste",
      "CREATED, EN, [#acme-fixture-42] New ticket: Printer <2> & jams, Dear",
      "CREATED, DE, [#acme-fixture-42] Neues Ticket: Printer <2> & jams, Guten Tag",
      "REPLY, DE, [#acme-fixture-42] Neue Antwort: Printer <2> & jams, Guten Tag",
      "RESOLVED, NL, [#acme-fixture-42] Opgelost: Printer <2> & jams, Beste",
      "CLOSED, EN, [#acme-fixture-42] Closed: Printer <2> & jams, Dear",
      "STATUS_CHANGED, DE, [#acme-fixture-42] Status geändert: Printer <2> & jams, Guten Tag"})
  void subjectCarriesTheTokenTheKindAndTheTitleInTheRecipientsLanguage(MailKind kind, Language language, String subject,
      String greeting) {
    var mail = render(kind, language, new TicketMail.Details(Optional.of("Anna"), Optional.of("Body"),
        Optional.of(TicketStatus.OPEN), Optional.empty()), false);
    assertEquals(subject, mail.subject());
    assertTrue(mail.text().startsWith(greeting + " Jan <de> Vries,"), mail.text());
    assertTrue(mail.html().contains(greeting + " Jan &lt;de&gt; Vries,"), mail.html());
  }

  @Test
  void everyUserWrittenTextIsEscapedInTheHtmlPart() {
    var mail = render(MailKind.REPLY, Language.NL, new TicketMail.Details(Optional.of("<script>x</script>"),
        Optional.of("a <img src=x onerror=alert(1)> & \"b\""), Optional.empty(), Optional.empty()), false);
    assertFalse(mail.html().contains("<script>"), mail.html());
    assertFalse(mail.html().contains("<img"), mail.html());
    assertFalse(mail.html().contains("Printer <2>"), mail.html());
    assertTrue(mail.html().contains("a &lt;img src=x onerror=alert(1)&gt; &amp; &quot;b&quot;"), mail.html());
    assertTrue(mail.html().contains("Printer &lt;2&gt; &amp; jams"), mail.html());
    assertTrue(mail.text().contains("> a <img src=x onerror=alert(1)> & \"b\""), "plain text keeps the text as written");
  }

  @Test
  void theResolvedMailLinksToTheSignedInResolutionPageNotToAnAction() {
    var mail = render(MailKind.RESOLVED, Language.EN, TicketMail.Details.NONE, false);
    assertTrue(mail.text().contains(ORIGIN + "/#/tickets/acme-fixture-42/resolution"), mail.text());
    assertTrue(mail.html().contains("href=\"" + ORIGIN + "/#/tickets/acme-fixture-42/resolution\""), mail.html());
    assertFalse(mail.text().contains("accept?"), "no state-changing GET link");
    var toAgent = render(MailKind.RESOLVED, Language.EN, TicketMail.Details.NONE, true);
    assertFalse(toAgent.text().contains("/resolution"), "only the customer side accepts or rejects");
  }

  @Test
  void aStatusChangeNamesBothStatusesInTheLanguage() {
    var mail = TicketMail.render(MailKind.STATUS_CHANGED, Language.NL, ticket(TicketStatus.WAITING_FOR_CUSTOMER, "agent",
        Optional.empty()), new TicketMail.Details(Optional.empty(), Optional.empty(), Optional.of(TicketStatus.OPEN),
        Optional.empty()), recipient(Language.NL, false), ORIGIN);
    assertTrue(mail.text().contains("gewijzigd van in behandeling naar wacht op klant"), mail.text());
  }

  @Test
  void aSolutionWrittenWithTheResolveIsOneResolvedMailQuotingIt() {
    var change = new TicketChange.PublicMessage("e1", ACME, 42, "m1", "agent", "Sem", AuthorSide.PROVIDER,
        "Profiel opnieuw aangemaakt.", Optional.of(new TicketChange.StatusMove(TicketStatus.OPEN, TicketStatus.RESOLVED)));
    assertEquals(MailKind.RESOLVED, MailKind.of(change));
    var mail = TicketMail.render(MailKind.RESOLVED, Language.NL, ticket(TicketStatus.CLOSED, "jan", Optional.empty()),
        TicketMail.Details.of(change), recipient(Language.NL, false), ORIGIN);
    assertTrue(mail.subject().contains("Opgelost"), mail.subject());
    assertTrue(mail.text().contains("> Profiel opnieuw aangemaakt."), mail.text());
    assertTrue(mail.text().contains("/#/tickets/acme-fixture-42/resolution"), mail.text());

    var question = new TicketChange.PublicMessage("e2", ACME, 42, "m2", "agent", "Sem", AuthorSide.PROVIDER,
        "Welke versie?", Optional.of(new TicketChange.StatusMove(TicketStatus.OPEN, TicketStatus.WAITING_FOR_CUSTOMER)));
    assertEquals(MailKind.REPLY, MailKind.of(question), "a question stays a reply, which names the new status");
    var asked = TicketMail.render(MailKind.of(question), Language.NL, ticket(TicketStatus.OPEN, "jan", Optional.empty()),
        TicketMail.Details.of(question), recipient(Language.NL, false), ORIGIN);
    assertTrue(asked.subject().contains("Nieuwe reactie"), asked.subject());
    assertTrue(asked.text().contains("> Welke versie?"), asked.text());
    assertTrue(asked.text().contains("gewijzigd van in behandeling naar wacht op klant"),
        "the status the message's change moved to, not the ticket's later one: " + asked.text());
  }

  @Test
  void theApprovalMailAsksTheAdminToDecideInThePortalInTheirLanguage() {
    var nl = render(MailKind.APPROVAL_REQUESTED, Language.NL, TicketMail.Details.NONE, false);
    assertEquals("[#acme-fixture-42] Goedkeuring gevraagd: Printer <2> & jams", nl.subject());
    assertTrue(nl.text().contains("wacht op uw goedkeuring"), nl.text());
    assertTrue(nl.text().contains(ORIGIN + "/#/tickets/acme-fixture-42"), nl.text());
    assertFalse(nl.text().contains("/resolution"), nl.text());
    assertEquals("[#acme-fixture-42] Approval requested: Printer <2> & jams",
        render(MailKind.APPROVAL_REQUESTED, Language.EN, TicketMail.Details.NONE, false).subject());
    assertTrue(render(MailKind.APPROVAL_REQUESTED, Language.DE, TicketMail.Details.NONE, false).text()
        .contains("wartet auf Ihre Genehmigung"));
  }

  @Test
  void theApprovedMailSaysWorkStartsInTheRecipientsLanguage() {
    assertEquals("[#acme-fixture-42] Goedgekeurd: Printer <2> & jams",
        render(MailKind.APPROVED, Language.NL, TicketMail.Details.NONE, false).subject());
    assertTrue(render(MailKind.APPROVED, Language.EN, TicketMail.Details.NONE, false).text()
        .contains("has been approved: the service desk takes it up"));
    assertEquals("[#acme-fixture-42] Genehmigt: Printer <2> & jams",
        render(MailKind.APPROVED, Language.DE, TicketMail.Details.NONE, true).subject());
  }

  @Test
  void aTitleWithLineBreaksGivesAOneLineSubject() {
    var ticket = new TicketSnapshot(ACME, 7, "acme-fixture-7", "Evil\r\nBcc: victim@example.test", "", TicketStatus.NEW,
        REPORTER, java.util.List.of(), Optional.empty(), "x");
    var mail = TicketMail.render(MailKind.CREATED, Language.EN, ticket, TicketMail.Details.NONE, recipient(Language.EN, false),
        ORIGIN);
    assertEquals("[#acme-fixture-7] New ticket: Evil  Bcc: victim@example.test", mail.subject());
  }

  @ParameterizedTest
  @CsvSource({
      "NL, 'onder Mijn gegevens → E-mailvoorkeuren:'",
      "EN, 'under My account → E-mail preferences:'",
      "DE, 'unter Meine Daten → E-Mail-Einstellungen:'"})
  void theFooterNamesThePortalsOwnPreferencesPageAndLinksToIt(Language language, String where) {
    var mail = render(MailKind.REPLY, language, TicketMail.Details.NONE, false);
    assertTrue(mail.text().contains(where + "\n" + ORIGIN + "/#/account\n"), mail.text());
    assertTrue(mail.html().contains(where + " <a href=\"" + ORIGIN + "/#/account\">"), mail.html());
  }

  @ParameterizedTest
  @CsvSource({
      "NL, 'U ontvangt deze e-mail over een ticket waarbij u betrokken bent.'",
      "EN, 'You receive this e-mail about a ticket you are involved in.'",
      "DE, 'Sie erhalten diese E-Mail zu einem Ticket, an dem Sie beteiligt sind.'"})
  void aCustomerIsToldTheyAreInvolvedInTheTicket(Language language, String why) {
    var mail = render(MailKind.REPLY, language, TicketMail.Details.NONE, false);
    assertTrue(mail.text().contains(why), mail.text());
    assertTrue(mail.html().contains(why), mail.html());
    assertFalse(mail.text().contains("servicedesk") || mail.text().contains("service desk") || mail.text().contains("Servicedesk"),
        mail.text());
  }

  @ParameterizedTest
  @CsvSource({
      "NL, 'U ontvangt deze e-mail als medewerker van de servicedesk, omdat dit ticket aan u is toegewezen.', "
          + "'U ontvangt deze e-mail als medewerker van de servicedesk, omdat dit ticket nog aan niemand is toegewezen.', "
          + "'U ontvangt deze e-mail als medewerker van de servicedesk. Uw', 'Mijn gegevens → E-mailvoorkeuren:'",
      "EN, 'You receive this e-mail as service desk staff because this ticket is assigned to you.', "
          + "'You receive this e-mail as service desk staff because this ticket is not assigned to anyone yet.', "
          + "'You receive this e-mail as service desk staff. Change', 'My account → E-mail preferences:'",
      "DE, 'Sie erhalten diese E-Mail als Mitglied des Servicedesks, weil Ihnen dieses Ticket zugewiesen ist.', "
          + "'Sie erhalten diese E-Mail als Mitglied des Servicedesks, weil dieses Ticket noch niemandem zugewiesen ist.', "
          + "'Sie erhalten diese E-Mail als Mitglied des Servicedesks. Ihre', 'Meine Daten → E-Mail-Einstellungen:'"})
  void staffAreToldTheyGetItAsTheAssigneeOrAsTheServiceDeskNotAsInvolvedCustomers(Language language, String assigned,
      String unassigned, String other, String where) {
    var staff = recipient(language, true);
    String customerWhy = render(MailKind.REPLY, language, TicketMail.Details.NONE, false).text().lines()
        .filter(l -> l.endsWith(where)).findFirst().orElseThrow();
    for (var c : java.util.List.of(java.util.Map.entry(Optional.of(staff.id()), assigned),
        java.util.Map.entry(Optional.<nl.klantportaal.core.claims.UserId>empty(), unassigned),
        java.util.Map.entry(Optional.of(new nl.klantportaal.core.claims.UserId("0a1b2c3d-0000-4000-8000-0000000a0009")), other))) {
      var mail = TicketMail.render(MailKind.CREATED, language, ticket(TicketStatus.NEW, "customer", c.getKey()),
          TicketMail.Details.NONE, staff, ORIGIN);
      assertTrue(mail.text().contains(c.getValue()), mail.text());
      assertTrue(mail.text().contains(where + "\n" + ORIGIN + "/#/account\n"), "staff set their preferences on #/account too: "
          + mail.text());
      assertTrue(mail.html().contains(where + " <a href=\"" + ORIGIN + "/#/account\">"), mail.html());
      assertFalse(mail.text().contains(customerWhy), "not the customer's footer: " + mail.text());
    }
  }
}
