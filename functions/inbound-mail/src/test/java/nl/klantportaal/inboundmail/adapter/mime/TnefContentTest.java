package nl.klantportaal.inboundmail.adapter.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import nl.klantportaal.inboundmail.domain.Corpus;
import nl.klantportaal.inboundmail.domain.MailAttachments;
import nl.klantportaal.inboundmail.domain.MailText;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import org.junit.jupiter.api.Test;

/**
 * Outlook's winmail.dat (TNEF) read by {@link TnefContent}: the real Outlook 2003 one of the corpus broken in the ways
 * a stream breaks (cut off, another signature), a mail with a winmail.dat declared as any file, and the message text
 * in RTF that cannot or can be read. For the last, TNEF streams are written here after MS-OXTNEF (signature, key, an
 * attMAPIProps attribute with its checksum holding PR_RTF_COMPRESSED) around compressed RTF after MS-OXRTFCP: the real
 * samples have no unreadable RTF. {@link TnefReaderTest} holds the reader itself.
 */
class TnefContentTest {
  private static final byte[] OUTLOOK = winmailDat("human/outlook-tnef-files-inside.eml");

  @Test
  void theRealOutlookWinmailDatGivesItsFilesUnderTheirLongNamesAndItsRtfText() throws java.io.IOException {
    var read = assertInstanceOf(TnefContent.Unpacked.Read.class, TnefContent.unpack(OUTLOOK));
    assertEquals(List.of("zappa_av1.jpg", "bookmark.htm"), read.files().stream().map(f -> f.name().orElseThrow()).toList());
    assertEquals(List.of(), read.notFiles());
    var text = assertInstanceOf(TnefContent.Text.Plain.class, read.text());
    assertTrue(text.text().startsWith("Casdasdfasdfasd\nCasdasdfasdfasd\n\n"), text.text());
    byte[] photo = read.files().getFirst().content().open().readAllBytes();
    assertEquals(read.files().getFirst().size(), photo.length);
    assertEquals(List.of(0xFF, 0xD8, 0xFF), List.of(photo[0] & 0xFF, photo[1] & 0xFF, photo[2] & 0xFF), "a JPEG");
    assertEquals(photo.length, read.files().getFirst().content().open().readAllBytes().length, "read again, the same file");
  }

  @Test
  void aStreamCutOffOrWithAnotherSignatureIsUnreadableWithItsReason() {
    var cut = assertInstanceOf(TnefContent.Unpacked.Unreadable.class, TnefContent.unpack(Arrays.copyOf(OUTLOOK, OUTLOOK.length / 2)));
    assertEquals("attribute 0x0006800F at offset 11925 declares 85805 bytes of data, only 37156 remain before its checksum", cut.why());
    byte[] other = OUTLOOK.clone();
    other[3] = 0x32; // node-tnef's badchecksum.dat: the same file with this byte changed
    assertEquals(new TnefContent.Unpacked.Unreadable("no TNEF signature"), TnefContent.unpack(other));
    assertEquals(new TnefContent.Unpacked.Unreadable("no TNEF signature"), TnefContent.unpack(new byte[0]));
  }

  @Test
  void aWinmailDatDeclaredAsAnyFileIsUnpackedWhenItIsTnefAndOtherwiseIsAFileLikeAnyOther() {
    ParsedMail octet = parse(mail("application/octet-stream", OUTLOOK));
    assertEquals(List.of("zappa_av1.jpg", "bookmark.htm"), octet.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    byte[] notTnef = "just some bytes".getBytes(StandardCharsets.US_ASCII);
    ParsedMail plain = parse(mail("application/octet-stream", notTnef));
    assertEquals(List.of("winmail.dat"), plain.attachments().stream().map(ParsedMail.AttachedFile::fileName).toList());
    assertEquals(List.of(), plain.unread());
    ParsedMail declared = parse(mail("application/vnd.ms-tnef", notTnef));
    assertEquals(List.of(), declared.attachments());
    assertEquals(ParsedMail.Unread.Why.TNEF_UNREADABLE, declared.unread().getFirst().why());
  }

  @Test
  void rtfTheReaderTakesIsTheMailsTextWithItsCharactersAndLineBreaks() {
    String rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromtext \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\uc1\\pard\\f0\\fs20 Goedemorgen,\\par\n"
        + "\\par\nDe printer in het caf\\'e9 zegt \\u8364\\'80 0,00 te kosten.\\par\nGroet,\\line Hans\\par\n}";
    ParsedMail mail = parse(mail("application/ms-tnef", tnef(uncompressedRtf(rtf))));
    assertEquals("Goedemorgen,\n\nDe printer in het café zegt € 0,00 te kosten.\nGroet,\nHans", mail.text());
    assertEquals(List.of(), mail.unread());
  }

  @Test
  void rtfThatCannotBeReadIsSaidInTheTicketInsteadOfNoText() {
    byte[] garbled = compressedRtfHeader(64, 64, 0x75465A4C);
    Arrays.fill(garbled, 16, garbled.length, (byte) 0xFF); // LZFu, but not a run that can be decompressed (and a wrong CRC)
    byte[] huge = compressedRtfHeader(16, 2_000_000_000, 0x75465A4C);
    for (byte[] rtf : List.of(garbled, huge)) {
      ParsedMail mail = parse(mail("application/ms-tnef", tnef(rtf)));
      assertEquals("", mail.text());
      assertEquals(List.of(new ParsedMail.Unread("winmail.dat", "application/ms-tnef", tnef(rtf).length,
          ParsedMail.Unread.Why.TNEF_TEXT_UNREADABLE)), mail.unread());
      assertTrue(mail.problems().getFirst().startsWith("tnef-text-unreadable: "), mail.problems().toString());
      assertEquals("[De tekst van de e-mail stond alleen in winmail.dat, in een opmaak (RTF) die niet kon worden gelezen; "
          + "het volledige origineel is bewaard.]", MailText.body(mail, MailText.MAX_BODY,
          MailAttachments.check("<t@acme.example>", mail.attachments()).refused()));
    }
  }

  private static ParsedMail parse(String mime) {
    return new Mime4jMailParser().parse(mime.getBytes(StandardCharsets.US_ASCII));
  }

  /** An Outlook mail whose only part is a winmail.dat of this declared type. */
  /** A mail whose one part is {@code winmailDat}, declared as {@code type} (TnefReaderTest too). */
  static String mail(String type, byte[] winmailDat) {
    return "From: Hans <hans@acme.example>\r\nTo: support@klantportaal.example\r\nSubject: Printer\r\n"
        + "Message-ID: <tnef-test@acme.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: " + type + "; name=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"winmail.dat\"\r\n\r\n" + Base64.getMimeEncoder().encodeToString(winmailDat)
        + "\r\n--b--\r\n";
  }

  /** The decoded winmail.dat of a corpus message (its one base64 part). */
  static byte[] winmailDat(String corpusFile) {
    String mime = new String(Corpus.raw(corpusFile), StandardCharsets.US_ASCII).replace("\r\n", "\n");
    int start = mime.indexOf("\n\n", mime.indexOf("filename=\"winmail.dat\"")) + 2;
    return Base64.getMimeDecoder().decode(mime.substring(start, mime.indexOf("\n--", start)).strip());
  }

  /**
   * A TNEF stream (MS-OXTNEF 2.1.3): signature 0x223E9F78 and a key, attTnefVersion, then attMAPIProps holding one
   * property, PR_RTF_COMPRESSED (PT_BINARY 0x0102, id 0x1009), whose value is {@code rtf}.
   */
  private static byte[] tnef(byte[] rtf) {
    ByteArrayOutputStream props = new ByteArrayOutputStream();
    TnefBytes.le32(props, 1); // one property
    TnefBytes.le16(props, 0x0102);
    TnefBytes.le16(props, 0x1009);
    TnefBytes.le32(props, 1); // one value
    TnefBytes.le32(props, rtf.length);
    props.writeBytes(rtf);
    props.writeBytes(new byte[(4 - rtf.length % 4) % 4]); // padded to 4 bytes
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TnefBytes.le32(out, 0x223E9F78);
    TnefBytes.le16(out, 0x0001);
    TnefBytes.attribute(out, 1, 0x00089006, new byte[] {0, 0, 1, 0}); // attTnefVersion (atpDword) 0x00010000
    TnefBytes.attribute(out, 1, 0x00069003, props.toByteArray()); // attMAPIProps (atpByte)
    return out.toByteArray();
  }

  /** RTF stored uncompressed (MS-OXRTFCP 2.1.3.1.1: COMPTYPE "MELA", CRC 0). */
  private static byte[] uncompressedRtf(String rtf) {
    byte[] text = rtf.getBytes(StandardCharsets.US_ASCII);
    byte[] header = compressedRtfHeader(16 + text.length, text.length, 0x414C454D);
    System.arraycopy(text, 0, header, 16, text.length);
    return header;
  }

  /** {@code length} bytes starting with the compressed-RTF header: COMPSIZE (the bytes after it), RAWSIZE, COMPTYPE, CRC 0. */
  private static byte[] compressedRtfHeader(int length, int rawSize, int compType) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    TnefBytes.le32(header, length - 4);
    TnefBytes.le32(header, rawSize);
    TnefBytes.le32(header, compType);
    TnefBytes.le32(header, 0);
    return Arrays.copyOf(header.toByteArray(), length);
  }
}
