package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail to the support address on the local cloud of the real template.yaml: the SMTP port applies
 * the template's receipt rule (raw mail into the inbound bucket, then InboundMailFunction), and a demo
 * customer's mail becomes a ticket with source e-mail, once, however often it is delivered; an
 * out-of-office reply makes none. A mail's file becomes the ticket's attachment, downloaded through
 * the portal's attachment route (AttachmentsFunction's presigned GET) byte for byte.
 */
class InboundMailFlowIT {
  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aCustomersMailBecomesOneTicketAndAnOutOfOfficeReplyNone() throws Exception {
    String messageId = "<" + UUID.randomUUID() + "@acme.example.test>";
    String mime = "From: Jan Jansen <jan@acme.example.test>\r\nTo: support@example.test\r\n"
        + "Subject: Scanner op de tweede verdieping doet niets\r\nMessage-ID: " + messageId + "\r\n"
        + "Date: Sun, 6 Dec 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Goedemorgen,\r\n\r\nDe scanner bij de trap geeft geen beeld meer.\r\n\r\nGroet, Jan\r\n";
    int port = DEMO.cloud().endpoints().smtpPort();
    SmtpClient.send(port, "jan@acme.example.test", "support@example.test", mime);
    SmtpClient.send(port, "jan@acme.example.test", "support@example.test", mime);   // delivered twice
    SmtpClient.send(port, "it@acme.example.test", "support@example.test",
        "From: Ilse Timmer <it@acme.example.test>\r\nTo: support@example.test\r\nSubject: Afwezig: tot maandag\r\n"
            + "Auto-Submitted: auto-replied\r\nMessage-ID: <" + UUID.randomUUID() + "@acme.example.test>\r\n\r\nIk ben afwezig.\r\n");

    String ilse = DEMO.signIn().demo("it@acme.example.test");
    String title = "Scanner op de tweede verdieping doet niets";
    List<JsonNode> fromMail = Poll.until(() -> titled(ilse, title), found -> !found.isEmpty(), Duration.ofSeconds(60),
        found -> "no ticket from the mail: " + found + "; the message's record: " + ledger(mime));
    Thread.sleep(2_000); // let the second delivery and the out-of-office reply finish too
    fromMail = titled(ilse, title);
    assertEquals(1, fromMail.size(), "one ticket however often the message arrives: " + fromMail);
    JsonNode ticket = JSON.readTree(DEMO.gateway().get("/tickets/" + fromMail.getFirst().path("id").asText(), ilse).body());
    assertEquals("email", ticket.at("/ticket/source").asText(), ticket.toString());
    assertEquals("Goedemorgen,\n\nDe scanner bij de trap geeft geen beeld meer.\n\nGroet, Jan", ticket.at("/ticket/description").asText(),
        "the body as text, its line ends as the portal writes them");
    assertTrue(tickets(ilse).stream().noneMatch(t -> t.path("title").asText().startsWith("Afwezig")),
        "an out-of-office reply makes no ticket");
    // Jan hears the number his mail became, once, with the token a reply to it threads by.
    String received = "[#" + fromMail.getFirst().path("id").asText() + "] Uw melding is ontvangen: " + title;
    MailStore store = MailStore.of(DEMO.cloud());
    store.await(mails -> MailStore.to(mails, "jan@acme.example.test").stream()
        .anyMatch(m -> m.path("subject").asText().equals(received)), Duration.ofSeconds(60));
    Thread.sleep(1_000);
    assertEquals(1, MailStore.to(store.since(0), "jan@acme.example.test").stream()
        .filter(m -> m.path("subject").asText().equals(received)).count(), "told once, though the mail came twice");
  }

  @Test
  void aMailsPdfIsTheTicketsAttachmentDownloadedThroughThePortalByteForByteAndAnExeIsListedNotStored() throws Exception {
    byte[] pdf = new byte[48_000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) (i * 131 + 17);
    }
    byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, pdf, 0, magic.length);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    String title = "Factuur van de printerleverancier klopt niet " + UUID.randomUUID().toString().substring(0, 8);
    String mime = "From: Jan Jansen <jan@acme.example.test>\r\nTo: support@example.test\r\nSubject: " + title + "\r\n"
        + "Message-ID: <" + UUID.randomUUID() + "@acme.example.test>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"grens\"\r\n\r\n"
        + "--grens\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDe factuur zit in de bijlage.\r\n"
        + "--grens\r\nContent-Type: application/pdf; name=\"factuur printer.pdf\"\r\n"
        + "Content-Disposition: attachment; filename=\"factuur printer.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n"
        + "--grens\r\nContent-Type: application/x-msdownload; name=\"viewer.exe\"\r\n"
        + "Content-Disposition: attachment; filename=\"viewer.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(exe) + "\r\n--grens--\r\n";
    SmtpClient.send(DEMO.cloud().endpoints().smtpPort(), "jan@acme.example.test", "support@example.test", mime);

    String ilse = DEMO.signIn().demo("it@acme.example.test");
    List<JsonNode> fromMail = Poll.until(() -> titled(ilse, title), found -> !found.isEmpty(), Duration.ofSeconds(60),
        found -> "no ticket from the mail with attachments");
    String jan = DEMO.signIn().demo("jan@acme.example.test");
    String ticketId = fromMail.getFirst().path("id").asText();
    // the function attaches the mail's files after it created the ticket (ReceiveMail), so the ticket can be
    // listed a moment before its attachment
    JsonNode detail = Poll.until(() -> JSON.readTree(DEMO.gateway().get("/tickets/" + ticketId, jan).body()),
        d -> !d.path("attachments").isEmpty(), Duration.ofSeconds(60), d -> "the mail's PDF never became an attachment: " + d);
    assertEquals(1, detail.path("attachments").size(), detail.toString());
    JsonNode attachment = detail.at("/attachments/0");
    assertEquals("factuur printer.pdf", attachment.path("fileName").asText(), attachment.toString());
    assertTrue(detail.at("/ticket/description").asText().contains("- viewer.exe (application/x-msdownload, 16 B): "
        + "dit bestandstype wordt niet aangenomen"), detail.at("/ticket/description").asText());

    HttpResponse<String> link = DEMO.gateway().get("/tickets/" + ticketId + "/attachments/" + attachment.path("id").asText(), jan);
    assertEquals(200, link.statusCode(), link.body());
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(JSON.readTree(link.body()).at("/download/url").asText()))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertArrayEquals(pdf, file.body(), "the mail's PDF byte for byte");
    assertTrue(file.headers().firstValue("content-disposition").orElse("").startsWith("attachment;"), file.headers().toString());
  }

  @Test
  void aForgedSenderWhoseDkimAndDmarcFailGetsNoTicketAndIsHeldForStaff() throws Exception {
    String messageId = "<" + UUID.randomUUID() + "@attacker.example.test>";
    String mime = "From: Jan Jansen <jan@acme.example.test>\r\nTo: support@example.test\r\nSubject: Betaal deze factuur vandaag\r\n"
        + "Message-ID: " + messageId + "\r\n" + SesReceiptEvent.VERDICTS_HEADER + ": spf=FAIL, dkim=FAIL, dmarc=FAIL\r\n"
        + "\r\nZie de bijlage.\r\n";
    SmtpClient.send(DEMO.cloud().endpoints().smtpPort(), "jan@acme.example.test", "support@example.test", mime);
    String record = Poll.until(() -> ledger(mime), r -> r.contains("state=AttributeValue(S=DONE)"), Duration.ofSeconds(60),
        r -> "the forged message was not handled: " + r);
    assertTrue(record.contains("outcome=AttributeValue(S=held)") && record.contains("untrusted-sender"), record);
    String ilse = DEMO.signIn().demo("it@acme.example.test");
    assertTrue(titled(ilse, "Betaal deze factuur vandaag").isEmpty(), "no ticket in Jan's name");

    // Staff find it among the held mails and discard it: it is off the list
    String staff = DEMO.signIn().demo("servicedesk@provider.example.test");
    String id = held(staff, "Betaal deze factuur vandaag");
    HttpResponse<String> discarded = DEMO.gateway().post("/inbound/held/" + id + "/discard", "", staff);
    assertEquals(204, discarded.statusCode(), discarded.body());
    assertEquals(404, DEMO.gateway().post("/inbound/held/" + id + "/discard", "", staff).statusCode(), "discarded once");
  }

  @Test
  void staffMakeAHeldMailACustomersTicketInTheNameOfAMember() throws Exception {
    String title = "Vraag over de VPN " + UUID.randomUUID().toString().substring(0, 8);
    SmtpClient.send(DEMO.cloud().endpoints().smtpPort(), "prive@elders.example.test", "support@example.test",
        "From: Jan thuis <prive@elders.example.test>\r\nTo: support@example.test\r\nSubject: " + title + "\r\n"
            + "Message-ID: <" + UUID.randomUUID() + "@elders.example.test>\r\n\r\nVanaf mijn eigen adres: de VPN doet het niet.\r\n");
    String staff = DEMO.signIn().demo("servicedesk@provider.example.test");
    String id = Poll.until(() -> heldIds(staff, title), ids -> !ids.isEmpty(), Duration.ofSeconds(60),
        ids -> "not held: " + title).getFirst();
    String jan = DEMO.signIn().demo("jan@acme.example.test");
    String janId = JSON.readTree(DEMO.gateway().get("/me", jan).body()).path("userId").asText();
    HttpResponse<String> answer = DEMO.gateway().post("/inbound/held/" + id + "/ticket", "{\"customerId\":\"demo-acme\",\"reporterId\":\""
        + janId + "\"}", staff);
    assertEquals(201, answer.statusCode(), answer.body());
    assertEquals(title, JSON.readTree(answer.body()).path("title").asText(), answer.body());
    String ilse = DEMO.signIn().demo("it@acme.example.test");
    List<JsonNode> made = Poll.until(() -> titled(ilse, title), found -> !found.isEmpty(), Duration.ofSeconds(30),
        found -> "no ticket " + title + " in Acme's list");
    assertEquals(1, made.size(), "Acme's ticket now: " + made);
    assertEquals(janId, made.getFirst().path("reporter").path("id").asText(), made.toString());
  }

  @Test
  void anUnknownSenderGetsOnePoliteReplyADayAndNoTicket() throws Exception {
    long since = java.time.Instant.now().getEpochSecond() - 1;
    for (int i = 1; i <= 2; i++) {
      SmtpClient.send(DEMO.cloud().endpoints().smtpPort(), "nieuw@elders.example.test", "support@example.test",
          "From: Nieuwe Klant <nieuw@elders.example.test>\r\nTo: support@example.test\r\nSubject: Offerte " + i + "\r\n"
              + "Message-ID: <" + UUID.randomUUID() + "@elders.example.test>\r\n\r\nKunnen jullie ons helpen?\r\n");
    }
    MailStore store = MailStore.of(DEMO.cloud());
    List<JsonNode> replies = store.await(mails -> !MailStore.to(mails, "nieuw@elders.example.test").isEmpty(), Duration.ofSeconds(60));
    Thread.sleep(2_000); // the second message is handled too
    replies = MailStore.to(store.since(since), "nieuw@elders.example.test");
    assertEquals(1, replies.size(), "one reply a day: " + replies);
    assertTrue(replies.getFirst().path("subject").asText().startsWith("Uw e-mail aan de servicedesk"), replies.toString());
  }

  /** The inbound ledger's item of a message (pattern 26, by its Message-ID and content): what the function decided. */
  private static String ledger(String mime) {
    String messageId = nl.klantportaal.inboundmail.usecase.ReceiveMail.messageKey(
        new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser().parse(mime.getBytes(StandardCharsets.UTF_8)));
    var wiring = TestClouds.wiring(DEMO.cloud(), "InboundMailFunction");
    String hash;
    try {
      hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return String.valueOf(wiring.table().client().getItem(r -> r.tableName(wiring.table().name()).key(java.util.Map.of(
        "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MSGID#" + hash),
        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MSGID")))).item());
  }

  /** The id of the one held mail with this subject (it must be held). */
  private static String held(String staff, String subject) throws Exception {
    List<String> ids = heldIds(staff, subject);
    assertEquals(1, ids.size(), "held with subject " + subject + ": " + ids);
    return ids.getFirst();
  }

  private static List<String> heldIds(String staff, String subject) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : JSON.readTree(DEMO.gateway().get("/inbound/held", staff).body()).path("items")) {
      if (item.path("subject").asText().equals(subject)) {
        ids.add(item.path("id").asText());
      }
    }
    return ids;
  }

  private static List<JsonNode> titled(String token, String title) throws Exception {
    return tickets(token).stream().filter(t -> title.equals(t.path("title").asText())).toList();
  }

  private static List<JsonNode> tickets(String token) throws Exception {
    JsonNode page = JSON.readTree(DEMO.gateway().get("/tickets?view=organisation&limit=100", token).body());
    List<JsonNode> items = new ArrayList<>();
    page.path("items").forEach(items::add);
    return items;
  }
}
