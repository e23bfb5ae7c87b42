package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.ticketing.domain.AttachmentCheck.Refusal;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.TicketRef;
import org.junit.jupiter.api.Test;

/**
 * Threading in each order of evidence, quote stripping, SES verdicts, best-effort decoding and the files a mail carries,
 * on corpus files.
 */
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
  void filesKeepTheirDecodedBytesAndAnUnnamedInlineImageIsNamedAfterItsType() {
    byte[] raw = Corpus.raw("human/attachments-pdf-and-inline.eml");
    ParsedMail mail = Corpus.parse("human/attachments-pdf-and-inline.eml");
    assertEquals(2, mail.attachments().size());
    ParsedMail.AttachedFile image = mail.attachments().get(0);
    assertEquals("bijlage-1.png", image.fileName());
    assertEquals("image/png", image.contentType());
    assertTrue(image.inline());
    assertArrayEquals(base64Part(raw, "Content-ID: <shot1@acme.example>"), image.bytes());
    assertEquals(128, image.size());
    ParsedMail.AttachedFile pdf = mail.attachments().get(1);
    assertEquals("rapport février.pdf", pdf.fileName());
    assertArrayEquals(base64Part(raw, "filename*=utf-8''rapport%20f%C3%A9vrier.pdf"), pdf.bytes());
    assertEquals(pdf.bytes().length, pdf.size());
    assertArrayEquals(java.util.Arrays.copyOf(pdf.bytes(), 5), pdf.head(5));
  }

  @Test
  void thePortalsRulesDecideWhichFilesAreTakenAndTheOthersAreListedWithTheirReason() {
    byte[] pdf = "%PDF-1.4\n%rest".getBytes(StandardCharsets.ISO_8859_1);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    ParsedMail.AttachedFile tooLarge = new ParsedMail.AttachedFile("groot.pdf", "application/pdf", PendingUpload.MAX_SIZE + 1, false,
        () -> { throw new AssertionError("a file too large is not read"); });
    List<ParsedMail.AttachedFile> files = List.of(
        file("scan.pdf", "application/pdf", pdf, false),
        file("bijlage-1.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}, true),
        file("setup.exe", "application/x-msdownload", exe, false),
        file("factuur.pdf", "application/pdf", exe, false),
        file("foto.jpg", "application/pdf", pdf, false),
        file("leeg.txt", "text/plain", new byte[0], false),
        tooLarge);
    MailAttachments checked = MailAttachments.check("<m1@acme.example>", files);
    assertEquals(List.of("scan.pdf", "bijlage-1.png"), checked.accepted().stream().map(MailAttachments.Accepted::fileName).toList());
    assertEquals(List.of(Refusal.TYPE_NOT_ALLOWED, Refusal.CONTENT_MISMATCH, Refusal.EXTENSION_MISMATCH, Refusal.EMPTY, Refusal.TOO_LARGE),
        checked.refused().stream().map(MailAttachments.Refused::reason).toList());

    ParsedMail mail = new ParsedMail(Optional.of("<m1@acme.example>"), Optional.of("jan@acme.example"), "Scan", Map.of(),
        "Zie bijlagen.", false, files, List.of(), List.of(), false, List.of());
    String body = MailText.body(mail, MailText.MAX_BODY, checked.refused());
    assertEquals("""
        Zie bijlagen.

        Bijlagen uit de e-mail die niet zijn overgenomen:
        - setup.exe (application/x-msdownload, 8 B): dit bestandstype wordt niet aangenomen
        - factuur.pdf (application/pdf, 8 B): de inhoud is geen application/pdf, zoals het type zegt
        - foto.jpg (application/pdf, 14 B): de naam past niet bij het type application/pdf (verwacht .pdf)
        - leeg.txt (text/plain, 0 B): het bestand is leeg
        - groot.pdf (application/pdf, 25.0 MiB): groter dan 25 MiB""", body);
    assertFalse(body.contains("scan.pdf") || body.contains("bijlage-1.png"), "the stored files are the ticket's attachments");
  }

  @Test
  void aFilesAttachmentIdIsTheSameForTheSameMessageAndPlaceAndAnIdTheRoutesAccept() {
    String first = MailAttachments.id("<m1@acme.example>", 0);
    assertEquals(first, MailAttachments.id("<m1@acme.example>", 0), "a second delivery names the same attachment");
    assertTrue(PendingUpload.isId(first), first);
    assertEquals(8, java.util.UUID.fromString(first).version());
    assertNotEquals(first, MailAttachments.id("<m1@acme.example>", 1));
    assertNotEquals(first, MailAttachments.id("<m2@acme.example>", 0));
  }

  private static ParsedMail.AttachedFile file(String name, String type, byte[] bytes, boolean inline) {
    return new ParsedMail.AttachedFile(name, type, bytes.length, inline, ParsedMail.Content.of(bytes));
  }

  /** The base64 body of the part whose headers contain {@code marker}, decoded. */
  private static byte[] base64Part(byte[] raw, String marker) {
    String mime = new String(raw, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int headers = mime.indexOf(marker);
    int start = mime.indexOf("\n\n", headers) + 2;
    int end = mime.indexOf("\n--", start);
    return Base64.getMimeDecoder().decode(mime.substring(start, end).strip());
  }

  @Test
  void titlesAreOneLineAndBodiesFitTheTicket() {
    assertEquals("(geen onderwerp)", MailText.title(new ParsedMail(Optional.empty(), Optional.of("a@b.example"), " \r\n",
        java.util.Map.of(), "x", false, java.util.List.of(), java.util.List.of(), java.util.List.of(), false, java.util.List.of())));
    ParsedMail huge = new ParsedMail(Optional.empty(), Optional.of("a@b.example"), "x".repeat(500), java.util.Map.of(),
        "y".repeat(30_000), false, java.util.List.of(), java.util.List.of(), java.util.List.of(), false, java.util.List.of());
    assertEquals(200, MailText.title(huge).length());
    assertEquals(MailText.MAX_BODY, MailText.body(huge, MailText.MAX_BODY, List.of()).length());
  }
}
