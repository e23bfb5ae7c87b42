package nl.klantportaal.inboundmail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole corpus against its manifest (corpus/expected.tsv): each human message threads exactly when the manifest
 * says it answers a ticket, and the portal's attachment rules take exactly the files it names; and the decoding of
 * the odd charsets, encoded words, broken structures and HTML-only mail the corpus holds.
 */
class InboundCorpusTest {
  private static final String DOMAIN = "klantportaal.example";
  private static final Map<String, Expected> EXPECTED = Expected.load();

  static List<String> human() {
    return Corpus.files("human").stream().map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void theManifestNamesEveryHumanMessageAndNoOther() {
    assertEquals(new TreeSet<>(human()), new TreeSet<>(EXPECTED.keySet()));
    assertTrue(human().size() + Corpus.files("machine").size() >= 150, "at least 150 messages");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("human")
  void aHumanMessageThreadsAsTheManifestSaysAndKeepsTheFilesItNames(String file) {
    Expected expected = EXPECTED.get(file);
    ParsedMail mail = Corpus.parse("human/" + file);
    assertEquals(expected.threaded(), Threading.of(mail, DOMAIN).isPresent(), file + " threads: " + Threading.of(mail, DOMAIN));
    MailAttachments files = MailAttachments.check(mail.messageId().orElse("<x@y>"), mail.attachments());
    assertEquals(expected.attachments(), files.accepted().stream().map(MailAttachments.Accepted::fileName).toList(),
        file + ": refused " + files.refused());
    for (MailAttachments.Accepted accepted : files.accepted()) {
      assertEquals(accepted.file().size(), accepted.file().bytes().length, file + ": " + accepted.fileName());
    }
  }

  @Test
  void aMessageWithoutSenderIsTrustedByNobodySoItIsHeld() {
    ParsedMail mail = Corpus.parse("human/broken-no-from-header.eml");
    assertEquals(Optional.empty(), mail.from());
    assertEquals(Optional.empty(), new Verdicts("PASS", "PASS", "PASS").trust(mail));
    assertEquals("held", EXPECTED.get("broken-no-from-header.eml").outcome());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void noMessageMakesTheParserThrowOrLoseItsSender(Path path) {
    String name = path.getParent().getFileName() + "/" + path.getFileName();
    ParsedMail mail = Corpus.parse(name);
    assertTrue(mail.from().isPresent() || name.equals("human/broken-no-from-header.eml"), name);
    for (ParsedMail.AttachedFile f : mail.attachments()) {
      assertEquals(f.size(), f.bytes().length, name + ": " + f.fileName());
    }
  }

  static List<Path> all() {
    return java.util.stream.Stream.concat(Corpus.files("human").stream(), Corpus.files("machine").stream()).toList();
  }

  @Test
  void oddCharsetsAreReadInTheirOwnAlphabet() {
    assertText("charset-koi8-r-8bit.eml", "Принтер не печатает", "Принтер не печатает");
    assertText("charset-gb2312-base64.eml", "邮件无法通知", "我的邮箱无法登录");
    assertText("charset-big5-qp.eml", "電腦無法連線", "電腦無法連線到網路");
    assertText("charset-shift-jis.eml", "パスワードを忘れました", "パソコンが起動しません");
    assertText("charset-utf-16-base64.eml", "Exported log from the scanner tool", "device not found (code 0x8004)");
    assertText("charset-iso-8859-15-euro.eml", "Coût de la licence €", "120 € par an");
    assertText("charset-windows-1250-polish.eml", "Drukarka nie działa", "Zażółć gęślą jaźń");
    assertText("charset-ks-c-5601-1987.eml", "메일이 도착 오류", "메일이 오지 않습니다");
    assertText("encoded-words-split-multibyte.eml", "Werk van huis – verbinding valt weg na één uur", "na één uur weg");
    assertEquals("Björn Åkesson", Corpus.parse("human/encoded-words-split-multibyte.eml").header("From").getFirst()
        .replaceAll("\\s*<.*", ""));
  }

  @Test
  void windows1252BytesUnderALatin1LabelAreReadAsMailClientsReadThem() {
    // Mail clients read iso-8859-1 as windows-1252 (its superset): curly quotes, the euro sign, the dash.
    assertText("charset-iso-8859-1-label-windows-1252-bytes.eml", "Offerte “Premium” pakket",
        "Wij willen het “Premium” pakket – graag een offerte van € 500 per maand.");
    assertText("outlook-com-hotmail-en.eml", "Cannot print from home", "I can’t print to the office printer from home over the VPN – is");
  }

  @Test
  void anUnsupportedOrWrongCharsetStillGivesReadableText() {
    ParsedMail utf7 = Corpus.parse("human/charset-utf-7.eml");
    assertTrue(utf7.text().contains("The shared drive"), utf7.text());
    assertTrue(utf7.problems().contains("charset-unknown: unicode-1-1-utf-7"), utf7.problems().toString());
    ParsedMail latin = Corpus.parse("human/charset-utf-8-labelled-latin1.eml");
    assertTrue(latin.text().contains("Zoë's team"), latin.text());
    ParsedMail words = Corpus.parse("human/encoded-words-unknown-charset-and-malformed.eml");
    assertTrue(words.subject().startsWith("Half"), words.subject());
    assertEquals(Optional.of("somebody@acme.example"), words.from());
  }

  @Test
  void brokenStructuresAreReadAsFarAsTheyGo() {
    ParsedMail truncated = Corpus.parse("human/broken-truncated-multipart.eml");
    assertTrue(truncated.text().contains("De laptop valt steeds uit"), truncated.text());
    assertEquals("accu-rapport.pdf", truncated.attachments().getFirst().fileName());
    assertTrue(new String(truncated.attachments().getFirst().head(5), java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
    assertTrue(Corpus.parse("human/broken-no-boundary-parameter.eml").text().contains("Mijn agenda synchroniseert niet"));
    ParsedMail qp = Corpus.parse("human/broken-qp-invalid-escapes.eml");
    assertTrue(qp.text().contains("fout 809"), qp.text());
    assertTrue(qp.text().contains("“verbinding verbroken”"), qp.text());
    ParsedMail base64 = Corpus.parse("human/broken-base64-invalid-chars.eml");
    assertTrue(base64.text().contains("De foutmelding staat in de bijlage."), base64.text());
    assertTrue(Corpus.parse("human/broken-missing-mime-version-8bit.eml").text().contains("Gerrit-Jan (Zuidwijk)"));
    assertTrue(Corpus.parse("human/broken-header-garbage-lines.eml").text().contains("elk uur een minuut weg"));
    ParsedMail nested = Corpus.parse("human/broken-lf-only-nested-wrong-boundary.eml");
    assertTrue(nested.text().contains("print alles dubbel"), nested.text());
    assertTrue(nested.problems().contains("text-from-preamble"), nested.problems().toString());
    assertEquals("Internet valt weg", Corpus.parse("human/broken-header-garbage-lines.eml").subject());
  }

  @Test
  void htmlOnlyMailIsTextWithoutMarkupScriptsOrStyles() {
    for (String file : List.of("html-only-outlook-web-nl.eml", "html-only-base64-entities-de.eml", "html-only-newsletter-style-human.eml",
        "html-only-apple-ios-en.eml", "gmail-html-only-reply.eml", "apple-mail-html-only-signature.eml")) {
      ParsedMail mail = Corpus.parse("human/" + file);
      assertTrue(mail.htmlOnly(), file);
      assertFalse(java.util.regex.Pattern.compile("(?i)<\\s*/?\\s*(p|div|br|span|html|body|img|table|td|tr|th|b|blockquote|style|script|head|meta|!--)[\\s/>]").matcher(mail.text()).find() || mail.text().contains("alert(")
          || mail.text().contains("margin-top") || mail.text().contains("mso only"), file + ": " + mail.text());
    }
    assertTrue(Corpus.parse("human/html-only-base64-entities-de.eml").text().contains("„Vertrieb“ – Fehlermeldung: <403 Forbidden>."));
    assertTrue(Corpus.parse("human/html-only-outlook-web-nl.eml").text().contains("Café-laptop"));
    assertTrue(Corpus.parse("human/html-only-newsletter-style-human.eml").text().contains("Yara Smits"));
  }

  @Test
  void eachClientsQuotedHistoryIsCut() {
    assertStripped("outlook-reply-de.eml", "Papierstau in Fach 2", "Bitte schalten Sie");
    assertStripped("outlook-reply-en-html.eml", "still does not show up", "Could you restart Outlook");
    assertStripped("outlook-mobile-ios-reply.eml", "komt er geen mail binnen", "Wilt u opnieuw inloggen");
    assertStripped("outlook-reply-nl-quoted-original.eml", "Fatima El Amrani", "Wij leveren de laptop");
    assertStripped("gmail-reply-nl-with-pdf.eml", "instellingen van de scanner als pdf", "SMTP-instellingen");
    assertStripped("gmail-reply-de-thread.eml", "alle 20 Minuten ab", "Client aktualisiert");
    assertStripped("apple-mail-reply-en.eml", "It failed again last night", "NAS volume is mounted");
    assertStripped("apple-mail-reply-de.eml", "nur noch leere Seiten", "an die IT weitergeben");
    assertStripped("thunderbird-reply-en.eml", "cannot add appointments", "We have shared the calendar");
    assertStripped("thunderbird-reply-de.eml", "extrem langsam", "bei dir auch so langsam");
    assertStripped("thunderbird-reply-nl.eml", "blijft 'vol' zeggen", "Wilt u oude mail archiveren");
    assertStripped("roundcube-reply-nl.eml", "bonprinter doet niets", "Wilt u de kassa opnieuw");
    assertStripped("human-reply-to-closed-ticket.eml", "dezelfde dubbelklik-fout", "Uw melding is gesloten");
  }

  @Test
  void theFilesOfAMailKeepTheirNamesAndBytes() {
    ParsedMail related = Corpus.parse("human/outlook-inline-images-related.eml");
    assertEquals(List.of("image001.png", "image002.png"), related.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    assertTrue(related.attachments().stream().allMatch(ParsedMail.AttachedFile::inline));
    ParsedMail forwarded = Corpus.parse("human/thunderbird-forward-as-attachment.eml");
    assertEquals("message/rfc822", forwarded.attachments().getFirst().contentType());
    assertEquals(forwarded.attachments().getFirst().size(), forwarded.attachments().getFirst().bytes().length,
        "the size counted is the size of the bytes read");
    ParsedMail invite = Corpus.parse("human/outlook-calendar-invite.eml");
    assertTrue(invite.text().contains("migratie van de fileserver"), invite.text());
  }

  @Test
  void theFilesInAnOutlookWinmailDatAreTheMailsFilesUnderTheirLongNamesAndAKindTheRulesRefuseIsListed() {
    ParsedMail mail = Corpus.parse("human/outlook-tnef-files-inside.eml");
    assertEquals(List.of("zappa_av1.jpg", "bookmark.htm"), mail.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList(),
        "in their order in the winmail.dat, which itself is no file of the mail");
    assertEquals(List.of("image/jpeg", "text/html"), mail.attachments().stream().map(ParsedMail.AttachedFile::contentType).toList(),
        "the content type from the name");
    assertEquals(List.of(2937L, 85805L), mail.attachments().stream().map(ParsedMail.AttachedFile::size).toList());
    // The SHA-256 of the files Debian's tnef 1.4.18 unpacks from the same winmail.dat ("tnef -C out winmail.dat").
    assertEquals(List.of("bea844f30e0fcc20fad419a0d11032a6465da93c1da185a1196949955994409a",
        "1e08d6e23c75ff80ac992eebc24c2943c7843b7dfee235966b37de5eb4362599"),
        mail.attachments().stream().map(f -> sha256(f.bytes())).toList());
    assertTrue(mail.unread().isEmpty() && mail.problems().isEmpty(), mail.unread() + " " + mail.problems());
    assertTrue(mail.text().startsWith("Goedemorgen,") && !mail.text().contains("Casdasdfasdfasd"),
        "the mail's own text; the RTF copy in the winmail.dat is not added: " + mail.text());

    MailAttachments checked = MailAttachments.check(mail.messageId().orElseThrow(), mail.attachments());
    assertEquals(List.of("zappa_av1.jpg"), checked.accepted().stream().map(MailAttachments.Accepted::fileName).toList());
    String body = MailText.body(mail, MailText.MAX_BODY, checked.refused());
    assertTrue(body.endsWith("""

        Bijlagen uit de e-mail die niet zijn overgenomen:
        - bookmark.htm (text/html, 83.8 KiB): dit bestandstype wordt niet aangenomen"""), body);
  }

  @Test
  void anOutlookMailWhoseTextIsOnlyTheRtfInItsWinmailDatGetsThatText() {
    ParsedMail mail = Corpus.parse("human/outlook-tnef-rtf-text-only.eml");
    // The real RTF Outlook 2003 wrote (RichEdit 5.40): red text, a larger font, two attachment placeholders.
    assertEquals("""
        Casdasdfasdfasd
        Casdasdfasdfasd

        Casdasdfasdfasd

        Casdasdfasdfasd

        Casdasdfasdfasd

        Casdasdfasdfasd""", mail.text());
    assertFalse(mail.htmlOnly());
    assertEquals(List.of("zappa_av1.jpg", "bookmark.htm"), mail.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    assertTrue(mail.unread().isEmpty() && mail.problems().isEmpty(), mail.unread() + " " + mail.problems());
  }

  @Test
  void aWinmailDatThatIsNotValidTnefIsListedAsUnreadableWithNothingTakenFromIt() {
    // The corpus's first winmail.dat starts as TNEF does, but its attribute checksum is wrong (made up, not Outlook's).
    ParsedMail mail = Corpus.parse("human/outlook-tnef-winmail-dat.eml");
    assertEquals(List.of(), mail.attachments());
    assertEquals(List.of(new ParsedMail.Unread("winmail.dat", "application/ms-tnef", 732, ParsedMail.Unread.Why.TNEF_UNREADABLE)),
        mail.unread());
    assertEquals(List.of("tnef-unreadable: attribute checksum mismatch: attribute 0x00069007 at offset 21 has checksum 0xD1BC, "
        + "its data adds up to 0x0565"), mail.problems());
    String body = MailText.body(mail, MailText.MAX_BODY, MailAttachments.check(mail.messageId().orElseThrow(), mail.attachments()).refused());
    assertEquals("""
        Goedemorgen,

        In de bijlage de offerte voor de nieuwe switch. Klopt dit model?

        Hans

        Bijlagen uit de e-mail die niet zijn overgenomen:
        - winmail.dat (application/ms-tnef, 732 B): een Outlook-bijlage (TNEF) die niet kon worden uitgepakt; \
        de bestanden erin zijn niet overgenomen""", body);
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMessageWithoutMessageIdIsKnownByItsContentSoASecondDeliveryIsADuplicate() {
    String once = nl.klantportaal.inboundmail.usecase.ReceiveMail.contentId(Corpus.parse("human/no-message-id.eml"));
    assertEquals(once, nl.klantportaal.inboundmail.usecase.ReceiveMail.contentId(Corpus.parse("human/no-message-id.eml")));
    assertTrue(once.matches("<[0-9a-f]{32}@no-message-id\\.inbound>"), once);
    byte[] crlf = new String(Corpus.raw("human/no-message-id.eml"), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n")
        .replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(once, nl.klantportaal.inboundmail.usecase.ReceiveMail.contentId(
        new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser().parse(crlf)), "the same message with CRLF line ends, as SMTP sends it");
    byte[] other = new String(Corpus.raw("human/no-message-id.eml"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("mist de E", "mist de F").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(once.equals(nl.klantportaal.inboundmail.usecase.ReceiveMail.contentId(
        new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser().parse(other))), "another text is another message");
  }

  @Test
  void anEmptyPlainAlternativeGivesWayToTheHtmlAndAMailClientsAliasTypeIsTheRegisteredOne() {
    ParsedMail mac = Corpus.parse("human/outlook-mac-empty-plain-alternative.eml");
    assertTrue(mac.text().contains("De gedeelde agenda van de planning is niet zichtbaar"), mac.text());
    assertTrue(mac.htmlOnly());
    ParsedMail android = Corpus.parse("human/android-samsung-image-jpg-alias.eml");
    assertEquals("image/jpeg", android.attachments().getFirst().contentType(), "declared image/jpg");
  }

  @Test
  void aMessageNestedThousandsOfPartsDeepIsReadWithoutFailing() {
    // Hostile or broken: 3000 multiparts one inside the other (a recursive walk would overflow its stack).
    int depth = 3000;
    StringBuilder mime = new StringBuilder("From: a@acme.example\nTo: support@klantportaal.example\nSubject: Diep\n"
        + "Message-ID: <deep@acme.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
    for (int i = 1; i < depth; i++) {
      mime.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n");
    }
    mime.append("--b").append(depth - 1).append("\nContent-Type: text/plain\n\nDiep genest.\n");
    for (int i = depth - 1; i >= 0; i--) {
      mime.append("--b").append(i).append("--\n");
    }
    ParsedMail mail = new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser()
        .parse(mime.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("Diep", mail.subject());
    assertEquals(Optional.of("a@acme.example"), mail.from());
    assertTrue(mail.problems().contains("nesting-too-deep"), mail.problems().toString());
  }

  @Test
  void aMessageForwardedThousandsOfTimesInsideItselfIsReadWithoutFailing() {
    int depth = 3000;
    StringBuilder mime = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      mime.append("From: a@acme.example\nSubject: Fwd ").append(i).append("\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n");
    }
    mime.append("From: a@acme.example\nSubject: binnenste\n\nDe kern.\n");
    ParsedMail mail = new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser()
        .parse(mime.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("Fwd 0", mail.subject());
    assertEquals(Optional.of("a@acme.example"), mail.from());
    assertTrue(mail.problems().contains("nesting-too-deep"), mail.problems().toString());
    assertEquals(List.of(), mail.attachments(), "the forwarded message is too deep to write out again; the raw mail keeps it");
  }

  @Test
  void aMessageForwardedAFewTimesInsideItselfStaysAnAttachment() {
    StringBuilder mime = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      mime.append("From: a@acme.example\nSubject: Fwd ").append(i).append("\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n");
    }
    mime.append("From: a@acme.example\nSubject: binnenste\n\nDe kern.\n");
    ParsedMail mail = new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser()
        .parse(mime.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(1, mail.attachments().size());
    ParsedMail.AttachedFile forwarded = mail.attachments().get(0);
    assertEquals("message/rfc822", forwarded.contentType());
    assertEquals(forwarded.size(), forwarded.bytes().length);
    assertTrue(new String(forwarded.bytes(), java.nio.charset.StandardCharsets.US_ASCII).contains("De kern."));
    assertFalse(mail.problems().contains("nesting-too-deep"), mail.problems().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("human")
  void theTitleAndTextOfEveryHumanMessagePassTheTicketRules(String file) {
    ParsedMail mail = Corpus.parse("human/" + file);
    nl.klantportaal.core.shared.domain.Validation v = new nl.klantportaal.core.shared.domain.Validation();
    v.requiredText("title", MailText.title(mail), MailText.MAX_TITLE);
    v.requiredText("description", MailText.body(mail, MailText.MAX_BODY, List.of()), 20_000);
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(v::throwIfInvalid, file);
  }

  @Test
  void controlCharactersAndACutEmojiDoNotKeepAMailFromBecomingATicket() {
    ParsedMail mail = Corpus.parse("human/control-characters-and-emoji.eml");
    assertTrue(mail.text().contains("\u001b[31mERROR"), "the text as sent");
    String body = MailText.body(mail, MailText.MAX_BODY, List.of());
    assertTrue(body.contains(" [31mERROR [0m printer offline"), body);
    assertTrue(body.contains("Groet 👍"), body);
    String title = MailText.title(mail);
    assertTrue(title.length() <= MailText.MAX_TITLE && !Character.isHighSurrogate(title.charAt(title.length() - 1)), title);
  }

  @Test
  void twoMessagesThatShareAMessageIdAreTwoMessagesAndOneDeliveredAgainIsTheSame() {
    ParsedMail one = Corpus.parse("human/gmail-reply-nl.eml");
    ParsedMail other = Corpus.parse("human/subject-token-beats-headers.eml");
    assertEquals(one.messageId(), other.messageId(), "the corpus has two messages with one Message-ID, as some senders write");
    String key = nl.klantportaal.inboundmail.usecase.ReceiveMail.messageKey(one);
    assertFalse(key.equals(nl.klantportaal.inboundmail.usecase.ReceiveMail.messageKey(other)));
    assertTrue(key.startsWith(one.messageId().orElseThrow() + " "), key);
    byte[] crlf = new String(Corpus.raw("human/gmail-reply-nl.eml"), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n")
        .replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(key, nl.klantportaal.inboundmail.usecase.ReceiveMail.messageKey(
        new nl.klantportaal.inboundmail.adapter.mime.Mime4jMailParser().parse(crlf)), "delivered again, with CRLF line ends");
  }

  @Test
  void moreClientsQuotedHistoryIsCutAndTheirOddMailIsRead() {
    assertStripped("apple-mail-iphone-reply-nl-signature.eml", "Hij doet het weer", "printerwachtrij");
    assertStripped("new-outlook-reply-nl-html-only.eml", "na ongeveer 10 minuten valt de VPN weg", "nieuwste VPN-client");
    assertStripped("outlook-mac-reply-de-datum.eml", "nur noch im WLAN", "auch am Kabel auf?");
    assertEquals("Offerte “Premium” – € 500", Corpus.parse("human/charset-windows-1252-raw-8bit-header.eml").subject());
    ParsedMail rtl = Corpus.parse("human/rtl-hebrew-arabic-emoji-bidi-file-name.eml");
    assertEquals("الطابعة لا تعمل 🖨️", MailText.title(rtl));
    String rtlBody = MailText.body(rtl, MailText.MAX_BODY,
        MailAttachments.check(rtl.messageId().orElseThrow(), rtl.attachments()).refused());
    assertTrue(rtlBody.contains("המדפסת לא עובדת 🖨️") && rtlBody.contains("👩🏽‍💻 Sara"), rtlBody);
    assertTrue(rtlBody.contains("- foutfdp.exe (application/pdf") && !rtlBody.contains("\u202E"), "a right-to-left override does not turn .exe into .pdf");
    ParsedMail photo = Corpus.parse("human/apple-iphone-photo-no-subject-no-text.eml");
    assertEquals(MailText.NO_SUBJECT, MailText.title(photo));
    assertEquals(MailText.NO_TEXT, MailText.body(photo, MailText.MAX_BODY, List.of()));
    String longLine = MailText.body(Corpus.parse("human/very-long-single-line-base64.eml"), MailText.MAX_BODY, List.of());
    assertEquals(MailText.MAX_BODY, longLine.length());
    assertTrue(longLine.endsWith("\n[…ingekort]"), longLine.substring(longLine.length() - 40));
  }

  @Test
  void theImagesBesideTheHtmlAlternativeAreFilesOfTheMailAlsoWhenItsPlainTextIsRead() {
    // Apple Mail and Thunderbird: multipart/alternative { text/plain, multipart/related { text/html, image } }.
    ParsedMail apple = Corpus.parse("human/apple-mail-html-related-screenshot-nl.eml");
    assertFalse(apple.htmlOnly());
    assertEquals(List.of("Schermafbeelding 2026-12-03 om 10.30.11.png"), apple.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    assertTrue(apple.attachments().getFirst().inline());
    assertStripped("apple-mail-html-related-screenshot-nl.eml", "zie de schermafbeelding", "Kunt u een schermafbeelding sturen");
    ParsedMail thunderbird = Corpus.parse("human/thunderbird-html-embedded-image-de.eml");
    assertEquals(List.of("fehler.png"), thunderbird.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    assertTrue(thunderbird.text().contains("diese Fehlermeldung (siehe Bild)") && !thunderbird.text().contains("<p>"), thunderbird.text());
    assertEquals(List.of(), Corpus.parse("human/multipart-alternative-gmail.eml").attachments(), "an HTML alternative's text is no file");
  }

  @Test
  void theSignatureOfASignedMailIsNeitherAFileNorARefusedOne() {
    for (String file : List.of("thunderbird-smime-signed.eml", "outlook-smime-signed-nl.eml", "thunderbird-pgp-mime-signed-en.eml")) {
      ParsedMail mail = Corpus.parse("human/" + file);
      assertEquals(List.of(), mail.attachments(), file);
      String body = MailText.body(mail, MailText.MAX_BODY, MailAttachments.check(mail.messageId().orElseThrow(), mail.attachments()).refused());
      assertFalse(body.contains(MailText.REFUSED) || body.contains("smime.p7s") || body.contains(".asc"), file + ": " + body);
    }
    assertTrue(Corpus.parse("human/outlook-smime-signed-nl.eml").text().contains("Per 1 januari start Ahmed Benali"));
    assertTrue(Corpus.parse("human/thunderbird-pgp-mime-signed-en.eml").text().contains("please open TCP 22 from 203.0.113.40"));
  }

  @Test
  void aFileNamedOnlyInItsContentTypeKeepsItsNameAndIsNoText() {
    // Scanners and Lotus Notes name a file with Content-Type's name (plain, RFC 2047 or RFC 2231) and no Content-Disposition.
    ParsedMail scan = Corpus.parse("human/scanner-pdf-name-in-content-type-only.eml");
    assertEquals(List.of("offerte-server-2026-12.pdf"), scan.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    ParsedMail notes = Corpus.parse("human/lotus-notes-names-in-content-type.eml");
    assertEquals(List.of("kassa-fout.log", "Storingsmelding leverancier één.pdf", "Handleiding kassa – v2.pdf"),
        notes.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    assertTrue(notes.text().contains("zitten in de bijlage") && !notes.text().contains("Betaalterminal niet bereikbaar"), notes.text());
  }

  @Test
  void anAnswerBelowOrBetweenTheQuotedLinesIsKeptWithTheQuestionsItAnswers() {
    QuoteStripper.Stripped inline = QuoteStripper.strip(Corpus.parse("human/thunderbird-inline-answers-nl.eml").text());
    assertFalse(inline.cut(), inline.text());
    for (String answer : List.of("Financiën.", "Vanaf 4 januari 2027.", "Een laptop, graag met een docking station.", "> 2. Vanaf welke datum?")) {
      assertTrue(inline.text().contains(answer), answer + " in " + inline.text());
    }
    QuoteStripper.Stripped below = QuoteStripper.strip(Corpus.parse("human/bottom-posted-reply-en.eml").text());
    assertTrue(below.text().contains("the disk light was blinking orange"), below.text());
    QuoteStripper.Stripped signedBelow = QuoteStripper.strip("Klopt.\n\nOp 3 dec. 2026 schreef Servicedesk:\n> Is het opgelost?\n\n-- \nErik Jong\nAcme");
    assertTrue(signedBelow.cut(), "a signature below the quote is no answer");
    assertEquals("Klopt.", signedBelow.text());
  }

  @Test
  void flowedTextIsReadAsItsWriterWroteIt() {
    // Apple Mail's format=flowed; delsp=yes: the wrapping inside a long URL and at the ends of lines undone.
    QuoteStripper.Stripped apple = QuoteStripper.strip(Corpus.parse("human/apple-mail-flowed-delsp-long-url.eml").text());
    assertTrue(apple.text().contains("404: https://acme.sharepoint.example/sites/IT/Gedeelde%20documenten/Handleidingen/"
        + "VPN-installatie-Windows-11-versie-2026.pdf\n"), apple.text());
    assertTrue(apple.text().contains("Het gaat om de handleiding die vorige week"), apple.text());
    assertTrue(apple.cut() && !apple.text().contains("SharePoint, onder"), apple.text());
  }

  @Test
  void anHtmlBlockQuoteIsQuotedLikePlainTextSoAQuoteWithoutAttributionIsCutToo() {
    ParsedMail mail = Corpus.parse("human/html-only-blockquote-without-attribution.eml");
    assertTrue(mail.text().contains("\n> Wilt u Teams opnieuw installeren?\n> Servicedesk"), mail.text());
    assertStripped("html-only-blockquote-without-attribution.eml", "Dat heb ik gedaan, het werkt nu.", "opnieuw installeren");
    assertTrue(Corpus.parse("human/gmail-html-only-reply.eml").text().lines().anyMatch(l -> l.startsWith("> ")));
    QuoteStripper.Stripped indented = QuoteStripper.strip(Corpus.parse("human/html-only-gmail-indent-blockquote.eml").text());
    assertTrue(!indented.cut() && indented.text().contains("Anna de Boer\nKees Visser") && !indented.text().contains(">"),
        "Gmail's indent is a block quote without a border: " + indented.text());
  }

  @Test
  void aWroteLineThatNoQuoteFollowsIsTheWritersOwnText() {
    ParsedMail mail = Corpus.parse("human/human-quotes-supplier-schreef-nl.eml");
    String body = MailText.body(mail, MailText.MAX_BODY, List.of());
    assertTrue(body.contains("De leverancier van onze kassasoftware schreef:\n\"Voor de koppeling moet poort 8443")
        && body.contains("Kunnen jullie dat vandaag nog regelen?"), body);
    assertFalse(body.contains(MailText.HISTORY_CUT), body);
  }

  @Test
  void aQuotedHeaderBlockIsKnownInAnyOrderAndAWritersOwnVanTotDatumListIsNotOne() {
    assertStripped("gmx-reply-de-gesendet-first.eml", "nur schwarz-weiß", "Testseite");
    String list = MailText.body(Corpus.parse("human/human-van-tot-datum-list-nl.eml"), MailText.MAX_BODY, List.of());
    assertTrue(list.contains("Van: 09:00\nTot: 17:00\nDatum: maandag 11 januari 2027") && list.contains("Aantal deelnemers: 14"), list);
    assertFalse(list.contains(MailText.HISTORY_CUT), list);
  }

  @Test
  void aFileNameWithTheSendersFoldersKeepsOnlyItsOwnName() {
    assertEquals(List.of("rapport.pdf"), Corpus.parse("human/lotus-notes-file-name-with-folders.eml").attachments().stream()
        .map(ParsedMail.AttachedFile::fileName).toList(), "C:\\Users\\gerda\\Desktop\\rapport.pdf");
  }

  private static void assertText(String file, String subject, String text) {
    ParsedMail mail = Corpus.parse("human/" + file);
    assertEquals(subject, mail.subject(), file);
    assertTrue(mail.text().contains(text), file + ": " + mail.text());
  }

  private static void assertStripped(String file, String kept, String cut) {
    QuoteStripper.Stripped stripped = QuoteStripper.strip(Corpus.parse("human/" + file).text());
    assertTrue(stripped.cut(), file + " had history cut: " + stripped.text());
    assertTrue(stripped.text().contains(kept), file + ": " + stripped.text());
    assertFalse(stripped.text().contains(cut), file + ": " + stripped.text());
  }
}
