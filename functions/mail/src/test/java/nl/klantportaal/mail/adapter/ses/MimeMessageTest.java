package nl.klantportaal.mail.adapter.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.core.shared.port.MailSender;
import org.junit.jupiter.api.Test;

class MimeMessageTest {
  private static final MailSender.ThreadedMail MAIL = new MailSender.ThreadedMail("Klantportaal <no-reply@example.test>",
      "greta@acme.example.test", Optional.empty(), "[#acme-42] Gelöst: Drucker kaputt – ärgerlich und ziemlich lange Überschrift",
      "Guten Tag Greta,\nGelöst.", "<p>Guten Tag Greta,</p>", "<t.acme.42.abc@example.test>", "<t.acme.42@example.test>");

  private static String build() {
    return new String(MimeMessage.build(MAIL, Instant.parse("2026-11-23T09:30:00Z")), StandardCharsets.US_ASCII);
  }

  @Test
  void headersThreadTheMailUnderTheTicketRoot() {
    String mime = build();
    assertTrue(mime.contains("\r\nMessage-ID: <t.acme.42.abc@example.test>\r\n"), mime);
    assertTrue(mime.contains("\r\nIn-Reply-To: <t.acme.42@example.test>\r\n"), mime);
    assertTrue(mime.contains("\r\nReferences: <t.acme.42@example.test>\r\n"), mime);
    assertTrue(mime.startsWith("From: Klantportaal <no-reply@example.test>\r\nTo: greta@acme.example.test\r\n"), mime);
    assertTrue(mime.contains("\r\nDate: Mon, 23 Nov 2026 09:30:00 +0000\r\n"), mime);
    assertTrue(mime.contains("\r\nAuto-Submitted: auto-generated\r\n"), mime);
    assertTrue(mime.contains("Content-Type: multipart/alternative; boundary="), mime);
  }

  @Test
  void theSubjectIsRfc2047EncodedInWordsOfAtMost75Characters() {
    String mime = build();
    Matcher subject = Pattern.compile("Subject: ((?:.*\r\n )*.*)\r\n").matcher(mime);
    assertTrue(subject.find(), mime);
    StringBuilder decoded = new StringBuilder();
    for (String word : subject.group(1).split("\r\n ")) {
      assertTrue(word.length() <= 75, word);
      assertTrue(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word);
      decoded.append(new String(Base64.getDecoder().decode(word.substring(10, word.length() - 2)), StandardCharsets.UTF_8));
    }
    assertEquals(MAIL.subject(), decoded.toString());
  }

  @Test
  void bothPartsAreUtf8Base64() {
    String mime = build();
    Matcher parts = Pattern.compile("Content-Type: (text/[a-z]+); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "([A-Za-z0-9+/=\r\n]+?)\r\n--").matcher(mime);
    assertTrue(parts.find(), mime);
    assertEquals("text/plain", parts.group(1));
    assertEquals(MAIL.text(), new String(Base64.getMimeDecoder().decode(parts.group(2)), StandardCharsets.UTF_8));
    assertTrue(parts.find(), mime);
    assertEquals("text/html", parts.group(1));
    assertEquals(MAIL.html(), new String(Base64.getMimeDecoder().decode(parts.group(2)), StandardCharsets.UTF_8));
  }

  @Test
  void aLineBreakInAnAddressIsRefused() {
    var evil = new MailSender.ThreadedMail("a@example.test", "x@example.test\r\nBcc: y@example.test", Optional.empty(), "s", "t",
        "h", "<id@example.test>", "<root@example.test>");
    assertThrows(IllegalArgumentException.class, () -> MimeMessage.build(evil, Instant.now()));
  }
}
