package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SES receipt event of the local SMTP port: PASS by default, a test's verdicts by a header it strips. */
class SesReceiptEventTest {
  private static final String BODY = "\r\n\r\nHallo.\r\nX-Local-Ses-Verdicts: dkim=FAIL (in the body: not a header)\r\n";

  private static SmtpListener.ReceivedMail mail(String headers) {
    return new SmtpListener.ReceivedMail("jan@acme.example.test", List.of("support@example.test"),
        (headers + BODY).getBytes(StandardCharsets.ISO_8859_1));
  }

  private static JsonNode receipt(SmtpListener.ReceivedMail mail) throws Exception {
    return AwsJsonApi.JSON.readTree(SesReceiptEvent.of(mail, mail.recipients(), "m1", "arn:fn", "Event"))
        .at("/Records/0/ses/receipt");
  }

  @Test
  void everyVerdictPassesUnlessATestSaysOtherwise() throws Exception {
    var plain = SesReceiptEvent.withLocalVerdicts(mail("From: jan@acme.example.test\r\nSubject: Hallo"));
    for (String verdict : SesReceiptEvent.VERDICTS) {
      assertEquals("PASS", receipt(plain).path(verdict + "Verdict").path("status").asText(), verdict);
    }
  }

  @Test
  void theTestHeaderSetsTheVerdictsAndIsStrippedFromTheMail() throws Exception {
    var forged = SesReceiptEvent.withLocalVerdicts(mail(
        "From: jan@acme.example.test\r\nx-local-ses-verdicts: dkim=fail, dmarc=FAIL, nonsense=1\r\nSubject: Hallo"));
    assertEquals(Map.of("dkim", "FAIL", "dmarc", "FAIL"), forged.verdicts());
    String raw = new String(forged.raw(), StandardCharsets.ISO_8859_1);
    assertEquals("From: jan@acme.example.test\r\nSubject: Hallo" + BODY, raw, "only the header line is gone; the body is untouched");
    JsonNode receipt = receipt(forged);
    assertEquals("FAIL", receipt.path("dkimVerdict").path("status").asText());
    assertEquals("FAIL", receipt.path("dmarcVerdict").path("status").asText());
    assertEquals("PASS", receipt.path("spfVerdict").path("status").asText());
    assertFalse(AwsJsonApi.JSON.readTree(SesReceiptEvent.of(forged, forged.recipients(), "m1", "arn:fn", "Event")).toString()
        .contains("X-Local-Ses-Verdicts"), "nor is it among the event's headers");
  }
}
