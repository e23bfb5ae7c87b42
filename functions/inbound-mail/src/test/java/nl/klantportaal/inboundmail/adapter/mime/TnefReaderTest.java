package nl.klantportaal.inboundmail.adapter.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static nl.klantportaal.inboundmail.adapter.mime.TnefBytes.attribute;
import static nl.klantportaal.inboundmail.adapter.mime.TnefBytes.le16;
import static nl.klantportaal.inboundmail.adapter.mime.TnefBytes.le32;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.klantportaal.inboundmail.domain.Corpus;
import nl.klantportaal.inboundmail.domain.MailAttachments;
import nl.klantportaal.inboundmail.domain.MailText;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import org.junit.jupiter.api.Test;

/**
 * Our TNEF reader ({@link TnefReader}, MS-OXTNEF) and compressed-RTF reader ({@link CompressedRtf}, MS-OXRTFCP) on
 * their own: the real Outlook 2003 winmail.dat of the corpus attribute by attribute, streams broken in the ways a
 * stream breaks (a checksum, a cut, a length beyond the end, counts beyond the attribute), and what the real sample does
 * not have, written here after MS-OXTNEF: an attached Outlook item (PT_OBJECT), a Unicode long name (PT_UNICODE), 8-bit
 * names in the stream's code page, named and multi-valued properties. Compressed RTF: MS-OXRTFCP's own example
 * (section 3.1.1, "{\rtf1\ansi\ansicpg1252\pard hello world}" compressed) and uncompressed (MELA).
 */
class TnefReaderTest {
  private static final byte[] OUTLOOK = TnefContentTest.winmailDat("human/outlook-tnef-files-inside.eml");
  /** MS-OXRTFCP 3.1.1, "Example 1: Simple Compressed RTF": the compressed bytes the spec gives. */
  private static final byte[] SPEC_EXAMPLE = HexFormat.of().parseHex("2d0000002b0000004c5a4675f1c5c7a7"
      + "03000a00726370673132354232" + "0af32068656c090020627705b06c647d0a800fa0");

  @Test
  void theRealOutlookWinmailDatAttributeByAttribute() {
    TnefReader.Tnef tnef = read(OUTLOOK);
    assertEquals(Charset.forName("windows-1252"), tnef.charset(), "attOemCodepage 1252");
    assertEquals(Optional.of("IPM.Microsoft Mail.Note"), tnef.string(0x00078008), "attMessageClass");
    assertEquals(39, tnef.properties().all().size(), "attMsgProps");
    assertEquals(Optional.of(20127L), tnef.properties().integer(TnefReader.PR_INTERNET_CPID));
    assertEquals(Optional.of("10.0"), tnef.properties().all().stream().filter(p -> p.id() == 0x8044).findFirst()
        .map(p -> p.values().getFirst().string(tnef.charset())), "a property above 0x8000 that is no named one");
    assertEquals(2, tnef.attachments().size());

    TnefReader.Attachment photo = tnef.attachments().get(0);
    assertEquals(Optional.of("zappa_av1.jpg"), photo.properties().string(TnefReader.PR_ATTACH_LONG_FILENAME));
    assertEquals(Optional.of("ZAPPA_~2.JPG"), photo.string(TnefReader.ATT_ATTACH_TITLE));
    assertEquals(2937, photo.attribute(TnefReader.ATT_ATTACH_DATA).orElseThrow().length());
    assertEquals(Optional.of(1L), photo.properties().integer(TnefReader.PR_ATTACH_METHOD), "ATTACH_BY_VALUE");
    assertEquals(Optional.of("zappa_av1.jpg"), photo.properties().string(TnefReader.PR_DISPLAY_NAME));
    assertEquals(18, photo.properties().all().size());
    assertEquals(14, photo.attribute(TnefReader.ATT_ATTACH_REND_DATA).orElseThrow().length());

    TnefReader.Attachment bookmarks = tnef.attachments().get(1);
    assertEquals(Optional.of("bookmark.htm"), bookmarks.properties().string(TnefReader.PR_ATTACH_LONG_FILENAME));
    assertEquals(Optional.of("bookmark.htm"), bookmarks.string(TnefReader.ATT_ATTACH_TITLE));
    assertEquals(85805, bookmarks.attribute(TnefReader.ATT_ATTACH_DATA).orElseThrow().length());

    byte[] compressed = tnef.properties().binary(TnefReader.PR_RTF_COMPRESSED).orElseThrow().bytes();
    assertEquals(CompressedRtf.LZFU, (int) TnefReader.u32(compressed, 8));
    var rtf = assertInstanceOf(CompressedRtf.Result.Rtf.class, CompressedRtf.decompress(compressed, TnefContent.MAX_RTF));
    assertEquals(TnefReader.u32(compressed, 4), rtf.rtf().length, "RAWSIZE");
    assertTrue(new String(rtf.rtf(), StandardCharsets.US_ASCII).startsWith("{\\rtf1\\ansi\\ansicpg1252"));
  }

  @Test
  void aChecksumThatDoesNotMatchTheDataIsRefusedWithWhere() {
    byte[] changed = OUTLOOK.clone();
    changed[2000] ^= 0x01; // inside the JPEG's attAttachData
    assertEquals(new TnefReader.Result.Malformed("attribute checksum mismatch: attribute 0x0006800F at offset 1438 has checksum "
        + "0xF0C8, its data adds up to 0xF0C7"), TnefReader.read(changed));
  }

  @Test
  void aStreamCutInAnAttributesHeaderOrDataOrChecksumIsRefused() {
    assertEquals(new TnefReader.Result.Malformed("cut off: an attribute header at offset 6 needs 9 bytes, 4 remain"),
        TnefReader.read(Arrays.copyOf(OUTLOOK, 10)));
    assertEquals(new TnefReader.Result.Malformed("attribute 0x0006800F at offset 1438 declares 2937 bytes of data, only 2936 remain "
        + "before its checksum"), TnefReader.read(Arrays.copyOf(OUTLOOK, 1438 + 9 + 2937 + 1)));
    assertEquals(new TnefReader.Result.Malformed("shorter (3 bytes) than TNEF's signature and key"),
        TnefReader.read(Arrays.copyOf(OUTLOOK, 3)));
    // Every cut of the real stream that is not between two attributes is refused with a reason; none throws.
    java.util.Set<Integer> boundaries = new java.util.HashSet<>();
    for (int at = 6; at < OUTLOOK.length; at += 11 + (int) TnefReader.u32(OUTLOOK, at + 5)) {
      boundaries.add(at);
    }
    for (int length = 6 + 1; length < OUTLOOK.length; length += 37) {
      if (!boundaries.contains(length)) {
        assertInstanceOf(TnefReader.Result.Malformed.class, TnefReader.read(Arrays.copyOf(OUTLOOK, length)), "cut at " + length);
      }
    }
  }

  @Test
  void aLengthLargerThanTheStreamIsRefusedBeforeAnythingIsAllocated() {
    ByteArrayOutputStream out = stream();
    out.write(1);
    le32(out, 0x0002800C); // attBody
    le32(out, 0xFFFFFFF0); // 4 GiB
    out.writeBytes("Hallo".getBytes(StandardCharsets.US_ASCII));
    assertEquals(new TnefReader.Result.Malformed("attribute 0x0002800C at offset 6 declares 4294967280 bytes of data, only 3 remain "
        + "before its checksum"), TnefReader.read(out.toByteArray()));

    // Inside an attribute: more properties or a longer value than its data holds.
    ByteArrayOutputStream props = new ByteArrayOutputStream();
    le32(props, 0x10000000);
    assertEquals(new TnefReader.Result.Malformed("attribute 0x00069003 at offset 6 declares 268435456 MAPI properties in 0 bytes"),
        TnefReader.read(message(props.toByteArray())));
    props = new ByteArrayOutputStream();
    le32(props, 1);
    le16(props, 0x0102);
    le16(props, 0x1009);
    le32(props, 1);
    le32(props, 0x7FFFFFFF); // PR_RTF_COMPRESSED of 2 GiB, with nothing after it
    assertEquals(new TnefReader.Result.Malformed("attribute 0x00069003 at offset 6: MAPI property 0x10090102's value needs 2147483647 "
        + "bytes, only 0 remain in it"), TnefReader.read(message(props.toByteArray())));
  }

  @Test
  void attributesOutOfPlaceOrOfAnUnknownLevelOrPropertyTypeAreRefused() {
    ByteArrayOutputStream out = stream();
    attribute(out, 2, TnefReader.ATT_ATTACH_DATA, new byte[] {1, 2, 3});
    assertEquals(new TnefReader.Result.Malformed("attribute 0x0006800F at offset 6 belongs to an attachment, but no attAttachRendData "
        + "started one"), TnefReader.read(out.toByteArray()));
    out = stream();
    attribute(out, 3, 0x00089006, new byte[] {0, 0, 1, 0});
    assertEquals(new TnefReader.Result.Malformed("attribute 0x00089006 at offset 6 has level 3, neither message (1) nor attachment (2)"),
        TnefReader.read(out.toByteArray()));
    Props props = new Props();
    props.tag(0x0099, 0x1000);
    props.le32(0);
    assertEquals(new TnefReader.Result.Malformed("attribute 0x00069003 at offset 6: MAPI property 0x10000099 has a type (0x0099) "
        + "MS-OXTNEF does not define"), TnefReader.read(message(props.bytes(1))));
  }

  @Test
  void namedAndMultiValuedPropertiesAreReadAcrossSoTheBodyAfterThemIsFound() {
    UUID publicStrings = UUID.fromString("00020329-0000-0000-c000-000000000046");
    Props props = new Props();
    props.named(0x101F, 0x8000, publicStrings, "Keywords"); // PT_MV_UNICODE
    props.le32(2);
    props.variable("klant".getBytes(StandardCharsets.UTF_16LE));
    props.variable("printer".getBytes(StandardCharsets.UTF_16LE));
    props.named(0x0003, 0x8001, publicStrings, 0x8233); // PT_LONG, by number
    props.le32(42);
    props.tag(0x1003, 0x3F00); // PT_MV_LONG
    props.le32(3);
    props.le32(1);
    props.le32(2);
    props.le32(3);
    props.tag(0x000B, 0x0E1F); // PT_BOOLEAN, two bytes padded to four
    props.le32(1);
    props.tag(0x0040, 0x0E06); // PT_SYSTIME
    props.le32(0);
    props.le32(0x01C334E4);
    props.tag(0x001F, TnefReader.PR_BODY);
    props.le32(1);
    props.variable("Goedemorgen\0".getBytes(StandardCharsets.UTF_16LE));
    TnefReader.Tnef tnef = read(message(props.bytes(6)));
    List<TnefReader.Property> all = tnef.properties().all();
    assertEquals(Optional.of(new TnefReader.Name.Text(publicStrings, "Keywords")), all.get(0).name());
    assertEquals(List.of("klant", "printer"), all.get(0).values().stream().map(v -> v.string(StandardCharsets.UTF_16LE)).toList());
    assertTrue(all.get(0).multiValued());
    assertEquals(Optional.of(new TnefReader.Name.Number(publicStrings, 0x8233)), all.get(1).name());
    assertEquals(List.of(1L, 2L, 3L), all.get(2).values().stream().map(v -> v.u32(0)).toList());
    assertEquals(Optional.of("Goedemorgen"), tnef.properties().string(TnefReader.PR_BODY));
    assertEquals(Optional.empty(), tnef.properties().integer(0x8001), "a named property is not found by its number in the stream");
  }

  @Test
  void anAttachedOutlookItemIsListedAsNoFileUnderItsName() {
    ByteArrayOutputStream embedded = stream(); // the attached mail: a TNEF stream of its own after IID_IMessage
    attribute(embedded, 1, 0x00089006, new byte[] {0, 0, 1, 0});
    byte[] object = concat(guid(TnefReader.IID_IMESSAGE), embedded.toByteArray());
    Props props = new Props();
    props.tag(0x0003, TnefReader.PR_ATTACH_METHOD);
    props.le32(5); // ATTACH_EMBEDDED_MSG
    props.tag(0x001F, TnefReader.PR_DISPLAY_NAME);
    props.le32(1);
    props.variable("RE: Offerte switch\0".getBytes(StandardCharsets.UTF_16LE));
    props.tag(0x000D, TnefReader.PR_ATTACH_DATA); // PR_ATTACH_DATA_OBJ
    props.le32(1);
    props.variable(object);
    byte[] winmailDat = withAttachment(props.bytes(3), Optional.empty(), "Plain text");

    TnefReader.Attachment item = read(winmailDat).attachments().getFirst();
    assertEquals(Optional.of(TnefReader.IID_IMESSAGE), item.properties().objectInterface(TnefReader.PR_ATTACH_DATA));
    var unpacked = assertInstanceOf(TnefContent.Unpacked.Read.class, TnefContent.unpack(winmailDat));
    assertEquals(List.of(), unpacked.files());
    assertEquals(List.of("RE: Offerte switch"), unpacked.notFiles());

    ParsedMail mail = new Mime4jMailParser().parse(TnefContentTest.mail("application/ms-tnef", winmailDat).getBytes(StandardCharsets.US_ASCII));
    assertEquals("Plain text", mail.text());
    assertEquals(List.of(new ParsedMail.Unread("RE: Offerte switch", "application/ms-tnef", 0, ParsedMail.Unread.Why.TNEF_NOT_A_FILE)),
        mail.unread());
    assertTrue(MailText.body(mail, MailText.MAX_BODY, MailAttachments.check("<t@acme.example>", mail.attachments()).refused())
        .endsWith("Bijlagen uit de e-mail die niet zijn overgenomen:\n"
            + "- RE: Offerte switch (in winmail.dat): een Outlook-item of een koppeling, geen bestand"));
  }

  @Test
  void aUnicodeLongFileNameIsTheFilesNameBeforeItsTitle() {
    Props props = new Props();
    props.tag(0x001F, TnefReader.PR_ATTACH_LONG_FILENAME);
    props.le32(1);
    props.variable("Offerte café – €1.250 (ΑΒΓ) 見積.pdf\0".getBytes(StandardCharsets.UTF_16LE));
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] winmailDat = withAttachment(props.bytes(1), Optional.of(pdf), "");
    var unpacked = assertInstanceOf(TnefContent.Unpacked.Read.class, TnefContent.unpack(winmailDat));
    TnefContent.File file = unpacked.files().getFirst();
    assertEquals(Optional.of("Offerte café – €1.250 (ΑΒΓ) 見積.pdf"), file.name());
    assertEquals("application/pdf", file.contentType());
    assertEquals(pdf.length, file.size());
  }

  @Test
  void eightBitNamesAreInTheStreamsCodePageElseWindows1252() {
    Props props = new Props();
    props.tag(0x001E, TnefReader.PR_ATTACH_LONG_FILENAME);
    props.le32(1);
    props.variable("счёт.pdf\0".getBytes(Charset.forName("windows-1251")));
    byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream cyrillic = stream();
    attribute(cyrillic, 1, TnefReader.ATT_OEM_CODEPAGE, new byte[] {(byte) 0xE3, 0x04, 0, 0, 0, 0, 0, 0}); // 1251
    attachment(cyrillic, props.bytes(1), Optional.of(pdf));
    assertEquals("счёт.pdf", file(cyrillic.toByteArray()).name().orElseThrow());

    props = new Props();
    props.tag(0x001E, TnefReader.PR_ATTACH_LONG_FILENAME);
    props.le32(1);
    props.variable("café.pdf\0".getBytes(Charset.forName("windows-1252")));
    ByteArrayOutputStream none = stream();
    attachment(none, props.bytes(1), Optional.of(pdf));
    assertEquals("café.pdf", file(none.toByteArray()).name().orElseThrow(), "no code page: Windows-1252");
  }

  @Test
  void theSpecsCompressedRtfExampleDecompressesToItsText() {
    var rtf = assertInstanceOf(CompressedRtf.Result.Rtf.class, CompressedRtf.decompress(SPEC_EXAMPLE, TnefContent.MAX_RTF));
    assertEquals("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n", new String(rtf.rtf(), StandardCharsets.US_ASCII));
    assertEquals(0xA7C7C5F1L, CompressedRtf.crc(SPEC_EXAMPLE, 16, SPEC_EXAMPLE.length), "the CRC the spec's header gives");
  }

  @Test
  void compressedRtfThatIsWrongIsRefusedWithItsReason() {
    byte[] changed = SPEC_EXAMPLE.clone();
    changed[30] ^= 0x20;
    assertEquals(new CompressedRtf.Result.Refused("compressed RTF (LZFu) CRC mismatch: its header says 0xA7C7C5F1, its data gives "
        + "0x%08X".formatted(CompressedRtf.crc(changed, 16, changed.length))), CompressedRtf.decompress(changed, TnefContent.MAX_RTF));

    byte[] smaller = SPEC_EXAMPLE.clone();
    smaller[4] = 20; // RAWSIZE 20, the text has 43 bytes
    assertEquals(new CompressedRtf.Result.Refused("compressed RTF (LZFu) gives more than its RAWSIZE of 20 bytes"),
        CompressedRtf.decompress(smaller, TnefContent.MAX_RTF));

    byte[] cut = Arrays.copyOf(SPEC_EXAMPLE, SPEC_EXAMPLE.length - 2); // without its end marker, CRC and COMPSIZE made to fit
    cut[0] = (byte) (cut.length - 4);
    byte[] crc = new byte[4];
    long value = CompressedRtf.crc(cut, 16, cut.length);
    for (int i = 0; i < 4; i++) {
      crc[i] = (byte) (value >>> (8 * i));
    }
    System.arraycopy(crc, 0, cut, 12, 4);
    assertEquals(new CompressedRtf.Result.Refused("compressed RTF (LZFu) cut off in a dictionary reference"),
        CompressedRtf.decompress(cut, TnefContent.MAX_RTF));

    assertEquals(new CompressedRtf.Result.Refused("compressed RTF declares COMPSIZE 45, it has 35 bytes after it"),
        CompressedRtf.decompress(Arrays.copyOf(SPEC_EXAMPLE, 39), TnefContent.MAX_RTF));
    byte[] huge = SPEC_EXAMPLE.clone();
    huge[7] = 0x7F;
    assertEquals(new CompressedRtf.Result.Refused("RTF of 2130706475 bytes, more than 8388608"),
        CompressedRtf.decompress(huge, TnefContent.MAX_RTF));
    assertEquals(new CompressedRtf.Result.Refused("compressed RTF without its header (15 bytes)"),
        CompressedRtf.decompress(Arrays.copyOf(SPEC_EXAMPLE, 15), TnefContent.MAX_RTF));
  }

  @Test
  void uncompressedRtfIsTakenAsItIs() {
    byte[] text = "{\\rtf1 Hallo}".getBytes(StandardCharsets.US_ASCII);
    Props header = new Props();
    header.le32(12 + text.length);
    header.le32(text.length);
    header.le32(CompressedRtf.MELA);
    header.le32(0);
    byte[] mela = concat(header.out.toByteArray(), text);
    assertArrayEquals(text, assertInstanceOf(CompressedRtf.Result.Rtf.class, CompressedRtf.decompress(mela, TnefContent.MAX_RTF)).rtf());
    mela[12] = 1;
    assertEquals(new CompressedRtf.Result.Refused("uncompressed RTF (MELA) with CRC 0x00000001, not 0"),
        CompressedRtf.decompress(mela, TnefContent.MAX_RTF));
  }

  @Test
  void aThousandBytesChangedAtRandomAreReadOrRefusedNeverThrown() {
    Random random = new Random(20261207);
    for (int i = 0; i < 1000; i++) {
      byte[] changed = OUTLOOK.clone();
      int at = 6 + random.nextInt(OUTLOOK.length - 6);
      changed[at] = (byte) random.nextInt(256);
      TnefReader.Result result = TnefReader.read(changed);
      assertTrue(result instanceof TnefReader.Result.Read || result instanceof TnefReader.Result.Malformed);
      assertInstanceOf(TnefContent.Unpacked.class, TnefContent.unpack(changed));
    }
  }

  private static TnefReader.Tnef read(byte[] stream) {
    TnefReader.Result result = TnefReader.read(stream);
    return assertInstanceOf(TnefReader.Result.Read.class, result, result.toString()).tnef();
  }

  private static TnefContent.File file(byte[] winmailDat) {
    return assertInstanceOf(TnefContent.Unpacked.Read.class, TnefContent.unpack(winmailDat)).files().getFirst();
  }

  /** The signature and a legacy key. */
  private static ByteArrayOutputStream stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    le32(out, TnefReader.SIGNATURE);
    le16(out, 0x0001);
    return out;
  }

  /** A stream with one attMsgProps attribute of these bytes. */
  private static byte[] message(byte[] props) {
    ByteArrayOutputStream out = stream();
    attribute(out, 1, TnefReader.ATT_MSG_PROPS, props);
    return out.toByteArray();
  }

  /** A stream with attBody (when not empty) and one attachment of these properties and data. */
  private static byte[] withAttachment(byte[] props, Optional<byte[]> data, String body) {
    ByteArrayOutputStream out = stream();
    attribute(out, 1, 0x00089006, new byte[] {0, 0, 1, 0});
    if (!body.isEmpty()) {
      attribute(out, 1, TnefReader.ATT_BODY, (body + "\0").getBytes(StandardCharsets.US_ASCII));
    }
    attachment(out, props, data);
    return out.toByteArray();
  }

  private static void attachment(ByteArrayOutputStream out, byte[] props, Optional<byte[]> data) {
    attribute(out, 2, TnefReader.ATT_ATTACH_REND_DATA, new byte[] {1, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0});
    data.ifPresent(bytes -> {
      attribute(out, 2, TnefReader.ATT_ATTACH_DATA, bytes);
      attribute(out, 2, TnefReader.ATT_ATTACH_TITLE, "OFFERT~1.PDF\0".getBytes(StandardCharsets.US_ASCII));
    });
    attribute(out, 2, TnefReader.ATT_ATTACHMENT, props);
  }

  /** MAPI properties as MS-OXTNEF 2.1.3.4 writes them; {@link #bytes} puts their count in front. */
  private static final class Props {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void tag(int type, int id) {
      le16(out, type);
      le16(out, id);
    }

    void named(int type, int id, UUID set, String name) {
      tag(type, id);
      out.writeBytes(guid(set));
      le32(1);
      variable((name + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    void named(int type, int id, UUID set, int number) {
      tag(type, id);
      out.writeBytes(guid(set));
      le32(0);
      le32(number);
    }

    void le32(int value) {
      TnefBytes.le32(out, value);
    }

    /** A length, the bytes and their padding to 4. */
    void variable(byte[] value) {
      le32(value.length);
      out.writeBytes(value);
      out.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    byte[] bytes(int count) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      TnefBytes.le32(all, count);
      all.writeBytes(out.toByteArray());
      return all.toByteArray();
    }
  }

  /** A GUID as MAPI writes it: Data1, Data2 and Data3 little-endian, Data4 as is. */
  private static byte[] guid(UUID uuid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long high = uuid.getMostSignificantBits();
    le32(out, (int) (high >>> 32));
    le16(out, (int) (high >>> 16));
    le16(out, (int) high);
    for (int i = 7; i >= 0; i--) {
      out.write((int) (uuid.getLeastSignificantBits() >>> (8 * i)));
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
