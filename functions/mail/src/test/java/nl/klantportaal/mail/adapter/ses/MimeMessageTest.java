package nl.klantportaal.mail.adapter.ses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.core.shared.port.MailSender;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
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
  void aReplyGoesToTheSupportAddressWhenTheMailNamesOne() {
    assertFalse(build().contains("\r\nReply-To:"), "no Reply-To unless given");
    var withReplyTo = new MailSender.ThreadedMail(MAIL.from(), MAIL.to(), MAIL.configurationSet(), MAIL.subject(), MAIL.text(),
        MAIL.html(), MAIL.messageId(), MAIL.threadRootId(), java.util.List.of(),
        Optional.of("Klantportaal support <support@example.test>"));
    String mime = new String(MimeMessage.build(withReplyTo, Instant.parse("2026-11-23T09:30:00Z")), StandardCharsets.US_ASCII);
    assertTrue(mime.contains("\r\nTo: greta@acme.example.test\r\nReply-To: Klantportaal support <support@example.test>\r\n"), mime);
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

  /** What the builder made before attachments existed (main at f81c7e0), boundaries aside: a mail without files stays exactly so. */
  private static final String BEFORE_ATTACHMENTS = """
      From: Klantportaal <no-reply@example.test>
      To: greta@acme.example.test
      Subject: =?UTF-8?B?WyNhY21lLTQyXSBHZWzDtnN0OiBEcnVja2VyIGthcHV0dCDigJMgw6RyZ2Vy?=
       =?UTF-8?B?bGljaCB1bmQgemllbWxpY2ggbGFuZ2Ugw5xiZXJzY2hyaWZ0?=
      Date: Mon, 23 Nov 2026 09:30:00 +0000
      Message-ID: <t.acme.42.abc@example.test>
      In-Reply-To: <t.acme.42@example.test>
      References: <t.acme.42@example.test>
      Auto-Submitted: auto-generated
      X-Auto-Response-Suppress: All
      MIME-Version: 1.0
      Content-Type: multipart/alternative; boundary="=_kp_BOUNDARY"

      --=_kp_BOUNDARY
      Content-Type: text/plain; charset=UTF-8
      Content-Transfer-Encoding: base64

      R3V0ZW4gVGFnIEdyZXRhLApHZWzDtnN0Lg==
      --=_kp_BOUNDARY
      Content-Type: text/html; charset=UTF-8
      Content-Transfer-Encoding: base64

      PHA+R3V0ZW4gVGFnIEdyZXRhLDwvcD4=
      --=_kp_BOUNDARY--
      """.replace("\n", "\r\n");

  /** A PDF-like file: a PDF header, every byte value (so base64 has to be exact) over several lines, an EOF marker. */
  private static byte[] pdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    for (int i = 0; i < 3 * 256; i++) {
      out.write(i & 0xff);
    }
    out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static MailSender.ThreadedMail invoice(List<MailSender.Attachment> attachments) {
    return new MailSender.ThreadedMail("Klantportaal administratie <administratie@example.test>", "it@acme.example.test",
        Optional.empty(), "Factuur 2026-0042 – Acme B.V.", "Beste Ilse,\n\nIn de bijlage: factuur 2026-0042 (€ 1.210,00).",
        "<p>Beste Ilse,</p><p>In de bijlage: factuur 2026-0042 (€ 1.210,00).</p>", "<i.acme.2026-0042@example.test>",
        "<i.acme.2026-0042@example.test>", attachments);
  }

  private static Message parsed(MailSender.ThreadedMail mail) throws IOException {
    return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(MimeMessage.build(mail, Instant.parse(
        "2026-12-01T08:00:00Z"))));
  }

  private static String text(Entity part) throws IOException {
    StringWriter out = new StringWriter();
    try (var reader = assertInstanceOf(TextBody.class, part.getBody()).getReader()) {
      reader.transferTo(out);
    }
    return out.toString();
  }

  private static byte[] bytes(Entity part) throws IOException {
    try (InputStream in = assertInstanceOf(SingleBody.class, part.getBody()).getInputStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void aTitleThatLooksLikeAnEncodedWordIsShownAsWrittenNotDecoded() throws IOException {
    String written = "[#acme-7] New ticket: =?UTF-8?B?SGFja2Vk?= & plain";
    var mail = new MailSender.ThreadedMail(MAIL.from(), MAIL.to(), MAIL.configurationSet(), written, MAIL.text(), MAIL.html(),
        MAIL.messageId(), MAIL.threadRootId(), List.of(), Optional.empty());
    String mime = new String(MimeMessage.build(mail, Instant.parse("2026-11-23T09:30:00Z")), StandardCharsets.US_ASCII);
    assertFalse(mime.contains("Subject: [#acme-7]"), "encoded, so a client does not decode the person's text: " + mime);
    Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(written, parsed.getSubject());
    assertEquals("[#acme-7] Nieuw ticket: Printer", MimeMessage.encodedWords("[#acme-7] Nieuw ticket: Printer"),
        "plain ASCII stays readable");
  }

  @Test
  void withoutAttachmentsTheMessageIsExactlyWhatItWasBefore() {
    assertEquals(BEFORE_ATTACHMENTS, build().replaceAll("=_kp_[0-9a-f]{32}", "=_kp_BOUNDARY"));
  }

  @Test
  void anAttachmentRidesInMultipartMixedAfterTheTextAndHtmlAlternative() throws IOException {
    byte[] pdf = pdf();
    var mail = invoice(List.of(new MailSender.Attachment("factuur-2026-0042.pdf", "application/pdf", pdf)));
    Message message = parsed(mail);

    assertEquals("multipart/mixed", message.getMimeType());
    assertEquals("Factuur 2026-0042 – Acme B.V.", message.getSubject());
    assertEquals("administratie@example.test", message.getFrom().getFirst().getAddress());
    assertEquals("Klantportaal administratie", message.getFrom().getFirst().getName());
    List<Entity> parts = assertInstanceOf(Multipart.class, message.getBody()).getBodyParts();
    assertEquals(2, parts.size());

    assertEquals("multipart/alternative", parts.get(0).getMimeType());
    List<Entity> alternative = assertInstanceOf(Multipart.class, parts.get(0).getBody()).getBodyParts();
    assertEquals(List.of("text/plain", "text/html"), alternative.stream().map(Entity::getMimeType).toList());
    assertEquals(mail.text(), text(alternative.get(0)));
    assertEquals(mail.html(), text(alternative.get(1)));

    Entity file = parts.get(1);
    assertEquals("attachment", file.getDispositionType());
    assertEquals("factuur-2026-0042.pdf", file.getFilename());
    assertEquals("application/pdf", file.getMimeType());
    assertEquals("base64", file.getContentTransferEncoding());
    assertArrayEquals(pdf, bytes(file), "the exact bytes");
    assertTrue(new String(MimeMessage.build(mail, Instant.now()), StandardCharsets.US_ASCII)
        .contains("Content-Type: application/pdf;\r\n name=\"factuur-2026-0042.pdf\"\r\n"
            + "Content-Disposition: attachment;\r\n filename=\"factuur-2026-0042.pdf\"\r\n"), "a plain ASCII name is quoted");
  }

  @Test
  void aNameThatIsNotPlainAsciiIsRfc2231EncodedAndReadBackAsWritten() throws IOException {
    String name = "Factuur 2026-0042 – Müller.pdf";
    var mail = invoice(List.of(new MailSender.Attachment(name, "application/pdf", pdf())));
    String mime = new String(MimeMessage.build(mail, Instant.now()), StandardCharsets.US_ASCII);
    assertTrue(mime.contains("\r\n filename*=UTF-8''Factuur%202026-0042%20%E2%80%93%20M%C3%BCller.pdf\r\n"),
        mime.substring(mime.indexOf("Content-Disposition")));

    Entity file = assertInstanceOf(Multipart.class, parsed(mail).getBody()).getBodyParts().get(1);
    assertEquals(name, file.getFilename());
    // mime4j decodes RFC 2231 in Content-Disposition only; the Content-Type's name is checked as written.
    assertTrue(mime.contains("Content-Type: application/pdf;\r\n name*=UTF-8''Factuur%202026-0042%20%E2%80%93%20M%C3%BCller.pdf\r\n"),
        mime.substring(mime.indexOf("Content-Type: application/pdf")));
  }

  @Test
  void aLongNameIsSplitIntoContinuationsThatKeepEveryLineShortAndEveryCharacterWhole() throws IOException {
    String name = "Overzicht — Ökonomie & Überstunden 🧾 december 2026, één bijlage per klant: Bäckerei Müller GmbH 🧾🧾🧾.pdf";
    var mail = invoice(List.of(new MailSender.Attachment(name, "application/pdf", pdf())));
    String mime = new String(MimeMessage.build(mail, Instant.now()), StandardCharsets.US_ASCII);
    String fileHeaders = mime.substring(mime.indexOf("Content-Type: application/pdf"), mime.indexOf("Content-Transfer-Encoding",
        mime.indexOf("Content-Type: application/pdf")));
    assertTrue(fileHeaders.contains("\r\n name*0*=UTF-8''Overzicht"), fileHeaders);
    for (String line : fileHeaders.split("\r\n")) {
      assertTrue(line.length() <= 78, "a line of " + line.length() + " characters: " + line);
    }
    Matcher segments = Pattern.compile("\r\n filename\\*(\\d+)\\*=(?:UTF-8'')?([^;\r]*)").matcher(mime);
    StringBuilder joined = new StringBuilder();
    int count = 0;
    while (segments.find()) {
      assertEquals(Integer.toString(count++), segments.group(1));
      joined.append(strictUtf8(percentDecoded(segments.group(2))));
    }
    assertTrue(count > 2, "continuations: " + count);
    assertEquals(name, joined.toString(), "each segment is whole UTF-8 on its own");

    Entity file = assertInstanceOf(Multipart.class, parsed(mail).getBody()).getBodyParts().get(1);
    assertEquals(name, file.getFilename());
  }

  private static byte[] percentDecoded(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError("not whole UTF-8: " + java.util.HexFormat.of().formatHex(bytes), e);
    }
  }

  @Test
  void aQuoteInAnAsciiNameIsEncodedRatherThanBreakingTheQuotedString() throws IOException {
    String name = "Factuur \"december\".pdf";
    var mail = invoice(List.of(new MailSender.Attachment(name, "application/pdf", pdf())));
    assertTrue(new String(MimeMessage.build(mail, Instant.now()), StandardCharsets.US_ASCII)
        .contains(" filename*=UTF-8''Factuur%20%22december%22.pdf\r\n"));
    assertEquals(name, assertInstanceOf(Multipart.class, parsed(mail).getBody()).getBodyParts().get(1).getFilename());
  }

  @Test
  void everyAttachmentIsItsOwnPartInOrder() throws IOException {
    byte[] csv = "datum;uren\n2026-11-02;1,5\n".getBytes(StandardCharsets.UTF_8);
    var mail = invoice(List.of(new MailSender.Attachment("factuur.pdf", "application/pdf", pdf()),
        new MailSender.Attachment("urenspecificatie.csv", "text/csv", csv)));
    List<Entity> parts = assertInstanceOf(Multipart.class, parsed(mail).getBody()).getBodyParts();
    assertEquals(3, parts.size());
    assertEquals(List.of("factuur.pdf", "urenspecificatie.csv"), parts.subList(1, 3).stream().map(Entity::getFilename).toList());
    assertEquals("text/csv", parts.get(2).getMimeType());
    assertEquals("attachment", parts.get(2).getDispositionType());
    assertArrayEquals(pdf(), bytes(parts.get(1)));
    assertArrayEquals(csv, bytes(parts.get(2)));
  }
}
