package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import nl.klantportaal.ticketing.domain.TicketRef;
import org.junit.jupiter.api.Test;

/** Threading in each order of evidence, quote stripping, SES verdicts and best-effort decoding, on corpus files. */
class InboundMailDomainTest {
  private static final String DOMAIN = "klantportaal.example";

  private static Optional<Threading.Thread> thread(String file) {
    return Threading.of(Corpus.parse("human/" + file), DOMAIN);
  }

  private static Threading.Thread thread(String token, Threading.Evidence evidence) {
    return new Threading.Thread(TicketRef.parse(token).orElseThrow(), evidence);
  }

  @Test
  void theSubjectTokenComesFirst() {
    assertEquals(Optional.of(thread("acme-k3j9pq-42", Threading.Evidence.SUBJECT_TOKEN)), thread("outlook-reply-nl.eml"));
    // The subject names #8 while In-Reply-To names #9 and References #10: the token wins.
    assertEquals(Optional.of(thread("acme-k3j9pq-8", Threading.Evidence.SUBJECT_TOKEN)), thread("subject-token-beats-headers.eml"));
  }

  @Test
  void thenInReplyToWhenItIsOneOfOurMessageIds() {
    assertEquals(Optional.of(thread("initech-77aa-3", Threading.Evidence.IN_REPLY_TO)), thread("outlook-reply-en.eml"));
    assertEquals(Optional.of(thread("initech-77aa-5", Threading.Evidence.IN_REPLY_TO)), thread("gmail-reply-en.eml"));
  }

  @Test
  void thenReferencesNewestFirst() {
    // In-Reply-To names a Gmail message; References carries our id further back.
    assertEquals(Optional.of(thread("acme-k3j9pq-11", Threading.Evidence.REFERENCES)), thread("thunderbird-reply.eml"));
    assertEquals(Optional.of(thread("acme-k3j9pq-9", Threading.Evidence.REFERENCES)), thread("apple-mail-reply.eml"));
  }

  @Test
  void aMessageIdOfAnotherDomainOrNoEvidenceThreadsNothing() {
    assertEquals(Optional.empty(), thread("foreign-message-id-domain.eml"));
    assertEquals(Optional.empty(), thread("no-message-id.eml"));
  }

  @Test
  void quotedHistoryIsCutInEachClientsForm() {
    assertStripped("outlook-reply-nl.eml", "De printer doet het nog steeds niet na de herstart.", "Kunt u de printer herstarten");
    assertStripped("outlook-reply-en.eml", "It happened again at 14:00.", "Please send us the log");
    assertStripped("gmail-reply-en.eml", "Thanks, that fixed it!", "Agent replied");
    assertStripped("gmail-reply-nl.eml", "Het werkt helaas nog niet", "is opgelost");
    assertStripped("gmail-reply-de.eml", "Der Drucker druckt wieder", "Bitte neu starten");
    assertStripped("apple-mail-reply.eml", "Graag een laptop met 16 GB geheugen.", "Welke laptop");
    assertStripped("apple-mail-nl.eml", "Dank, ik kan er nu bij.", "U heeft nu toegang");
    assertStripped("thunderbird-reply.eml", "Na de update crasht hij nog steeds.", "Installeer de laatste update");
    assertStripped("thunderbird-forward.eml", "Zie onderstaande melding", "Job \"Nacht\" failed");
  }

  @Test
  void aMessageThatIsOnlyAQuoteKeepsEverything() {
    QuoteStripper.Stripped stripped = QuoteStripper.strip("> only a quote\n> nothing else");
    assertFalse(stripped.cut());
    assertEquals("> only a quote\n> nothing else", stripped.text());
  }

  @Test
  void plainTextWithoutHistoryIsLeftAlone() {
    QuoteStripper.Stripped stripped = QuoteStripper.strip(Corpus.parse("human/iso-8859-1-qp.eml").text());
    assertFalse(stripped.cut());
  }

  private static void assertStripped(String file, String kept, String cut) {
    QuoteStripper.Stripped stripped = QuoteStripper.strip(Corpus.parse("human/" + file).text());
    assertTrue(stripped.cut(), file + " had history cut");
    assertTrue(stripped.text().contains(kept), file + ": " + stripped.text());
    assertFalse(stripped.text().contains(cut), file + ": " + stripped.text());
  }

  @Test
  void dmarcPassTrustsTheSender() {
    ParsedMail mail = Corpus.parse("human/no-message-id.eml");
    assertEquals(Optional.of("dmarc-pass"), new Verdicts("PASS", "PASS", "PASS").trust(mail));
    assertEquals(Optional.of("dmarc-pass"), new Verdicts("FAIL", "FAIL", "PASS").trust(mail));
  }

  @Test
  void dkimPassTrustsOnlyASignatureOfTheFromDomain() {
    ParsedMail signed = Corpus.parse("human/signed-dkim-gmail.eml");
    assertEquals(Optional.of("dkim-pass-from-domain"), new Verdicts("FAIL", "PASS", "GRAY").trust(signed));
    ParsedMail unsigned = Corpus.parse("human/no-message-id.eml");
    assertEquals(Optional.empty(), new Verdicts("PASS", "PASS", "GRAY").trust(unsigned));
  }

  @Test
  void failingOrMissingVerdictsTrustNobody() {
    ParsedMail mail = Corpus.parse("human/signed-dkim-gmail.eml");
    assertEquals(Optional.empty(), new Verdicts("PASS", "FAIL", "FAIL").trust(mail));
    assertEquals(Optional.empty(), new Verdicts(null, null, null).trust(mail));
    assertEquals(Optional.empty(), new Verdicts("PASS", "PROCESSING_FAILED", "PROCESSING_FAILED").trust(mail));
  }

  @Test
  void charsetsAndEncodedWordsAreDecoded() {
    ParsedMail latin = Corpus.parse("human/iso-8859-1-qp.eml");
    assertEquals("Große Dateien können nicht geöffnet werden", latin.subject());
    assertTrue(latin.text().contains("Die großen Dateien"));
    assertEquals("juergen@globex.example", latin.from().orElseThrow());
    ParsedMail cyrillic = Corpus.parse("human/windows-1251-base64.eml");
    assertTrue(cyrillic.text().contains("Программа не запускается."), cyrillic.text());
    assertEquals("Помощь с программой", cyrillic.subject());
    assertEquals("プリンター", Corpus.parse("human/iso-2022-jp-subject.eml").subject());
    assertEquals("Wachtwoord vergeten — graag reset", Corpus.parse("human/utf8-raw-8bit-headers.eml").subject());
    assertEquals("Café wifi", Corpus.parse("human/latin1-undeclared-8bit.eml").subject());
    assertTrue(Corpus.parse("human/latin1-undeclared-8bit.eml").text().contains("het café werkt"));
    ParsedMail unknown = Corpus.parse("human/unknown-charset.eml");
    assertTrue(unknown.text().contains("Het netwerk is traag"));
    assertTrue(unknown.problems().contains("charset-unknown: x-unknown-weird"));
  }

  @Test
  void htmlOnlyMailBecomesSafeText() {
    ParsedMail mail = Corpus.parse("human/outlook-html-only-cp1252.eml");
    assertTrue(mail.htmlOnly());
    assertTrue(mail.text().contains("foutcode E=53"), mail.text());
    assertTrue(mail.text().contains("één en al fout"), mail.text());
    assertTrue(mail.text().contains("Graag hulp…"), mail.text());
    assertFalse(mail.text().contains("alert"), mail.text());
    assertFalse(mail.text().contains("<"), mail.text());
    ParsedMail table = Corpus.parse("human/html-only-with-tables.eml");
    assertTrue(table.text().contains("€ 1.250,00"), table.text());
    assertTrue(table.text().contains("<script> is geen code hier"), table.text());
  }

  @Test
  void brokenMimeIsReadAsFarAsItGoes() {
    ParsedMail boundary = Corpus.parse("human/broken-boundary.eml");
    assertTrue(boundary.text().contains("De monitor flikkert."));
    assertEquals("log.bin", boundary.attachments().get(0).fileName());
    ParsedMail base64 = Corpus.parse("human/broken-base64.eml");
    assertTrue(base64.text().contains("Het scherm is zwart"), base64.text());
  }

  @Test
  void attachmentsAreListedByNameAndNeverDroppedSilently() {
    ParsedMail mail = Corpus.parse("human/attachments-pdf-and-inline.eml");
    assertEquals(2, mail.attachments().size());
    assertEquals("image/png", mail.attachments().get(0).contentType());
    assertTrue(mail.attachments().get(0).inline());
    assertEquals("rapport février.pdf", mail.attachments().get(1).fileName());
    String body = MailText.body(mail, MailText.MAX_BODY);
    assertTrue(body.startsWith("Zie de schermafdruk en het rapport."));
    assertTrue(body.contains(MailText.ATTACHMENTS));
    assertTrue(body.contains("- rapport février.pdf (application/pdf, "), body);
    assertTrue(body.contains("(image/png, 128 B, in de tekst)"), body);
  }

  @Test
  void titlesAreOneLineAndBodiesFitTheTicket() {
    assertEquals("(geen onderwerp)", MailText.title(new ParsedMail(Optional.empty(), Optional.of("a@b.example"), " \r\n",
        java.util.Map.of(), "x", false, java.util.List.of(), java.util.List.of(), java.util.List.of(), false, java.util.List.of())));
    ParsedMail huge = new ParsedMail(Optional.empty(), Optional.of("a@b.example"), "x".repeat(500), java.util.Map.of(),
        "y".repeat(30_000), false, java.util.List.of(), java.util.List.of(), java.util.List.of(), false, java.util.List.of());
    assertEquals(200, MailText.title(huge).length());
    assertEquals(MailText.MAX_BODY, MailText.body(huge, MailText.MAX_BODY).length());
  }
}
