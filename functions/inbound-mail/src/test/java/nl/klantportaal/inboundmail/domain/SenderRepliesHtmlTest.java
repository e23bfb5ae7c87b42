package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** The replies to inbound mail: the ticket's or the sign-up address a link in HTML, the closing on two lines, names escaped. */
class SenderRepliesHtmlTest {
  @Test
  void theReceivedMailLinksTheTicketAndKeepsTheClosingsLineBreak() {
    var mail = FollowUpMail.received(Language.NL, "<b>Jan</b>", "acme-12", 12, "Printer", "https://p.test/#/tickets/acme-12");
    String html = mail.html();
    assertTrue(html.contains("<a href=\"https://p.test/#/tickets/acme-12\">https://p.test/#/tickets/acme-12</a>"), html);
    assertTrue(html.contains("Met vriendelijke groet,<br>de servicedesk"), html);
    assertTrue(html.contains("Beste &lt;b&gt;Jan&lt;/b&gt;,"), html);
    assertFalse(html.contains("<b>Jan"), html);
  }

  @Test
  void theFollowUpAndSenderUnknownMailsLinkTheirAddresses() {
    var followUp = FollowUpMail.render(Language.DE, "Greta", 7, "acme-13", 13, "Drucker", "https://p.test/#/tickets/acme-13");
    assertTrue(followUp.html().contains("<a href=\"https://p.test/#/tickets/acme-13\">"), followUp.html());
    assertTrue(SenderUnknownMail.html("https://p.test").contains("<a href=\"https://p.test/#/sign-up\">"));
  }
}
