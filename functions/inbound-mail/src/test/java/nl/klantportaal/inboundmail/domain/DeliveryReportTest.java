package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivery status notifications as Postfix, Exchange, Gmail and Exim write them. */
class DeliveryReportTest {

  @Test
  void postfixReportsAPermanentFailurePerRecipient() {
    String status = """
        Reporting-MTA: dns; mail.acme.example.test
        X-Postfix-Queue-ID: 4F1C81A2B3
        Arrival-Date: Sun,  6 Dec 2026 08:01:02 +0100 (CET)

        Final-Recipient: rfc822; Oud.Adres@acme.example.test
        Original-Recipient: rfc822;oud.adres@acme.example.test
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.acme.example.test
        Diagnostic-Code: smtp; 550 5.1.1 <oud.adres@acme.example.test>: Recipient address
            rejected: User unknown in virtual mailbox table
        """;
    DeliveryReport report = DeliveryReport.parse(status);
    assertEquals(1, report.permanentFailures().size());
    DeliveryReport.Recipient failed = report.permanentFailures().getFirst();
    assertEquals("oud.adres@acme.example.test", failed.address());
    assertEquals("5.1.1", failed.status());
    assertTrue(failed.reason().contains("User unknown in virtual mailbox table"), failed.reason());
  }

  @Test
  void aDelayIsNoFailureAndSeveralRecipientsAreEachTheirOwn() {
    String status = "Reporting-MTA: dns;EXCH01.contoso.example\r\n\r\n"
        + "Final-Recipient: rfc822;vol@contoso.example\r\nAction: delayed\r\nStatus: 4.4.7\r\n\r\n"
        + "Final-Recipient: rfc822;weg@contoso.example\r\nAction: failed\r\nStatus: 5.4.1\r\n"
        + "Diagnostic-Code: smtp;550 5.4.1 Recipient address rejected: Access denied\r\n";
    DeliveryReport report = DeliveryReport.parse(status);
    assertEquals(2, report.recipients().size());
    assertEquals(List.of("weg@contoso.example"), report.permanentFailures().stream().map(DeliveryReport.Recipient::address).toList());
  }

  @Test
  void gmailAndEximPlainBounces() {
    String gmail = "Reporting-MTA: dns; googlemail.com\nArrival-Date: Sun, 06 Dec 2026 00:01:02 -0800 (PST)\n\n"
        + "Final-Recipient: rfc822; nobody@gmail.example\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; The email account that you tried to reach does not exist.\n";
    assertEquals("nobody@gmail.example", DeliveryReport.parse(gmail).permanentFailures().getFirst().address());

    DeliveryReport exim = DeliveryReport.fromFailedRecipients(List.of("a@x.example, B@Y.example"),
        "This message was created automatically by mail delivery software.\n  SMTP error from remote mail server after RCPT TO:"
            + "<a@x.example>:\n  550 5.1.1 User unknown");
    assertEquals(List.of("a@x.example", "b@y.example"), exim.permanentFailures().stream().map(DeliveryReport.Recipient::address)
        .toList());
    assertEquals("5.1.1", exim.recipients().getFirst().status());
  }

  @Test
  void brokenReportsMarkNothing() {
    assertEquals(List.of(), DeliveryReport.parse("").recipients());
    assertEquals(List.of(), DeliveryReport.parse("Action: failed\nStatus: 5.1.1\n").recipients(), "no recipient named");
    assertEquals(List.of(), DeliveryReport.parse("Final-Recipient: rfc822; geen adres\nAction: failed\n").recipients());
  }
}
