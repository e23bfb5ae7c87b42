package nl.klantportaal.inboundmail.adapter.mime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Our own reader of Outlook's TNEF ({@code winmail.dat}), written from Microsoft's open specification [MS-OXTNEF]: the
 * stream's signature 0x223E9F78 and legacy key, then attributes, each with its level (message or attachment), id (its
 * type in the high word), length, data and checksum (the data's bytes added, mod 65536). {@code attAttachRendData}
 * starts an attachment; the attachment attributes after it ({@code attAttachData}, {@code attAttachTitle},
 * {@code attAttachment}'s MAPI properties, ...) are its own. The MAPI properties of {@code attMsgProps} and
 * {@code attAttachment} are read after MS-OXTNEF 2.1.3.4: fixed-size and variable-size values, multi-valued ones and
 * named properties (a property set's GUID with a number or a name).
 *
 * <p>Nothing is copied: attributes and values are {@link Slice}s of the stream's bytes. Every length is checked against
 * what remains of the stream (or of its attribute) before it is used, every checksum is verified, and a count is
 * checked against the bytes it needs, so a malformed stream is {@link Result.Malformed} with its reason, never a loop,
 * an exception or an allocation it declares. {@code PT_STRING8} values and TNEF's own string attributes are in the
 * stream's code page ({@code attOemCodepage}, else the message's {@code PR_INTERNET_CPID}, else Windows-1252),
 * {@code PT_UNICODE} values in UTF-16LE.
 */
final class TnefReader {
  static final int SIGNATURE = 0x223E9F78;
  static final int LEVEL_MESSAGE = 0x01;
  static final int LEVEL_ATTACHMENT = 0x02;

  // Attributes (MS-OXTNEF 2.1.3.3): the attribute's type in the high word, its id in the low word.
  static final int ATT_OEM_CODEPAGE = 0x00069007;
  static final int ATT_BODY = 0x0002800C;
  static final int ATT_MSG_PROPS = 0x00069003;
  static final int ATT_ATTACH_REND_DATA = 0x00069002;
  static final int ATT_ATTACH_DATA = 0x0006800F;
  static final int ATT_ATTACH_TITLE = 0x00018010;
  static final int ATT_ATTACH_TRANSPORT_FILENAME = 0x00069001;
  static final int ATT_ATTACHMENT = 0x00069005;

  // MAPI property types (MS-OXCDATA 2.11.1).
  static final int PT_I2 = 0x0002;
  static final int PT_LONG = 0x0003;
  static final int PT_R4 = 0x0004;
  static final int PT_DOUBLE = 0x0005;
  static final int PT_CURRENCY = 0x0006;
  static final int PT_APPTIME = 0x0007;
  static final int PT_ERROR = 0x000A;
  static final int PT_BOOLEAN = 0x000B;
  static final int PT_OBJECT = 0x000D;
  static final int PT_I8 = 0x0014;
  static final int PT_STRING8 = 0x001E;
  static final int PT_UNICODE = 0x001F;
  static final int PT_SYSTIME = 0x0040;
  static final int PT_CLSID = 0x0048;
  static final int PT_SVREID = 0x00FB;
  static final int PT_BINARY = 0x0102;
  static final int MV_FLAG = 0x1000;

  // MAPI properties read from the stream.
  static final int PR_DISPLAY_NAME = 0x3001;
  static final int PR_BODY = 0x1000;
  static final int PR_RTF_COMPRESSED = 0x1009;
  static final int PR_HTML = 0x1013;
  static final int PR_INTERNET_CPID = 0x3FDE;
  static final int PR_ATTACH_DATA = 0x3701;
  static final int PR_ATTACH_FILENAME = 0x3704;
  static final int PR_ATTACH_METHOD = 0x3705;
  static final int PR_ATTACH_LONG_FILENAME = 0x3707;
  static final int PR_ATTACH_MIME_TAG = 0x370E;

  /** IID_IMessage, {00020307-0000-0000-C000-000000000046}: a PT_OBJECT value that is an attached message. */
  static final UUID IID_IMESSAGE = UUID.fromString("00020307-0000-0000-c000-000000000046");
  /** More attachments than any mail has: a stream of empty ones is refused rather than listed. */
  static final int MAX_ATTACHMENTS = 1000;

  private TnefReader() {}

  /** What the reader made of a stream. */
  sealed interface Result {
    record Read(Tnef tnef) implements Result {}

    /** Not valid TNEF, and why (what was wrong where). */
    record Malformed(String why) implements Result {}
  }

  /** A TNEF stream: its message's attributes and MAPI properties, its attachments in order, its code page. */
  record Tnef(Map<Integer, Slice> attributes, Properties properties, List<Attachment> attachments, Charset charset) {
    Tnef {
      attributes = Map.copyOf(attributes);
      attachments = List.copyOf(attachments);
    }

    /** A string attribute ({@code attBody}, ...) in the stream's code page, its terminating NULs removed. */
    Optional<String> string(int attribute) {
      return Optional.ofNullable(attributes.get(attribute)).map(s -> s.string(charset));
    }
  }

  /** An attachment: its attributes (the first of each id), its MAPI properties, the stream's code page. */
  record Attachment(Map<Integer, Slice> attributes, Properties properties, Charset charset) {
    Attachment {
      attributes = Map.copyOf(attributes);
    }

    Optional<Slice> attribute(int attribute) {
      return Optional.ofNullable(attributes.get(attribute));
    }

    /** A string attribute ({@code attAttachTitle}, ...) in the stream's code page, its terminating NULs removed. */
    Optional<String> string(int attribute) {
      return attribute(attribute).map(s -> s.string(charset));
    }
  }

  /** A MAPI property: its type (without {@link #MV_FLAG}), its id, whether multi-valued, a named property's name, its values. */
  record Property(int type, int id, boolean multiValued, Optional<Name> name, List<Slice> values) {
    Property {
      values = List.copyOf(values);
    }
  }

  /** A named property's name (MS-OXTNEF 2.1.3.4): its property set and a number or a string. */
  sealed interface Name {
    record Number(UUID set, long number) implements Name {}

    record Text(UUID set, String text) implements Name {}
  }

  /** The MAPI properties of the message or of an attachment, with the stream's code page for {@code PT_STRING8}. */
  record Properties(List<Property> all, Charset charset) {
    Properties {
      all = List.copyOf(all);
    }

    /** The first single-valued property with this id that is not a named property. */
    Optional<Property> get(int id) {
      return all.stream().filter(p -> p.id() == id && p.name().isEmpty() && !p.multiValued() && p.values().size() == 1).findFirst();
    }

    /** A {@code PT_STRING8} (the code page) or {@code PT_UNICODE} (UTF-16LE) value, its terminating NULs removed. */
    Optional<String> string(int id) {
      return get(id).filter(p -> p.type() == PT_STRING8 || p.type() == PT_UNICODE)
          .map(p -> p.values().getFirst().string(p.type() == PT_UNICODE ? StandardCharsets.UTF_16LE : charset));
    }

    Optional<Slice> binary(int id) {
      return get(id).filter(p -> p.type() == PT_BINARY).map(p -> p.values().getFirst());
    }

    Optional<Long> integer(int id) {
      return get(id).filter(p -> p.type() == PT_LONG || p.type() == PT_I2)
          .map(p -> p.type() == PT_LONG ? p.values().getFirst().u32(0) : p.values().getFirst().u16(0));
    }

    /** A {@code PT_OBJECT} value's interface id (its first 16 bytes), e.g. {@link #IID_IMESSAGE} for an attached message. */
    Optional<UUID> objectInterface(int id) {
      return get(id).filter(p -> p.type() == PT_OBJECT).map(p -> p.values().getFirst().guid(0));
    }
  }

  /** A run of the stream's bytes, read when asked for and never copied before. */
  static final class Slice {
    private final byte[] stream;
    private final int offset;
    private final int length;

    Slice(byte[] stream, int offset, int length) {
      if (offset < 0 || length < 0 || offset > stream.length - length) {
        throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + stream.length);
      }
      this.stream = stream;
      this.offset = offset;
      this.length = length;
    }

    int length() {
      return length;
    }

    byte[] bytes() {
      return Arrays.copyOfRange(stream, offset, offset + length);
    }

    InputStream open() {
      return new ByteArrayInputStream(stream, offset, length);
    }

    /** The bytes as text in this charset, the NULs that end C strings removed. */
    String string(Charset charset) {
      String text = new String(stream, offset, length, charset);
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == '\0') {
        end--;
      }
      return text.substring(0, end);
    }

    /** Little-endian, 0 where the slice is too short (a fixed-size value is always long enough). */
    long u16(int at) {
      return at + 2 <= length ? TnefReader.u16(stream, offset + at) : 0;
    }

    long u32(int at) {
      return at + 4 <= length ? TnefReader.u32(stream, offset + at) : 0;
    }

    /** A GUID as MAPI writes it (Data1, Data2 and Data3 little-endian, Data4 as is); the nil GUID when too short. */
    UUID guid(int at) {
      if (at + 16 > length) {
        return new UUID(0, 0);
      }
      int p = offset + at;
      long high = (u32(at) << 32) | (u16(at + 4) << 16) | u16(at + 6);
      long low = 0;
      for (int i = 8; i < 16; i++) {
        low = (low << 8) | (stream[p + i] & 0xFF);
      }
      return new UUID(high, low);
    }

    @Override
    public String toString() {
      return "Slice[" + offset + "+" + length + "]";
    }
  }

  /** The stream read, or why it is not valid TNEF. */
  static Result read(byte[] stream) {
    try {
      return new Result.Read(new Reading(stream).read());
    } catch (MalformedTnef e) {
      return new Result.Malformed(e.getMessage());
    }
  }

  /** Why a stream is refused; caught in {@link #read} only, which turns it into {@link Result.Malformed}. */
  private static final class MalformedTnef extends Exception {
    MalformedTnef(String why) {
      super(why, null, false, false);
    }
  }

  /** One pass over a stream. */
  private static final class Reading {
    private final byte[] stream;
    private final Map<Integer, Slice> messageAttributes = new LinkedHashMap<>();
    private final List<Property> messageProperties = new ArrayList<>();
    private final List<Map<Integer, Slice>> attachmentAttributes = new ArrayList<>();
    private final List<List<Property>> attachmentProperties = new ArrayList<>();

    Reading(byte[] stream) {
      this.stream = stream;
    }

    Tnef read() throws MalformedTnef {
      if (stream.length < 6) {
        throw new MalformedTnef("shorter (" + stream.length + " bytes) than TNEF's signature and key");
      }
      if (u32(stream, 0) != SIGNATURE) {
        throw new MalformedTnef("no TNEF signature");
      }
      int at = 6; // the signature and the legacy key (which only older encrypted attachments used)
      while (at < stream.length) {
        at = attribute(at);
      }
      Charset charset = charset();
      List<Attachment> attachments = new ArrayList<>();
      for (int i = 0; i < attachmentAttributes.size(); i++) {
        attachments.add(new Attachment(attachmentAttributes.get(i), new Properties(attachmentProperties.get(i), charset), charset));
      }
      return new Tnef(messageAttributes, new Properties(messageProperties, charset), attachments, charset);
    }

    /** The attribute at {@code at}, checked and kept; where the next one starts. */
    private int attribute(int at) throws MalformedTnef {
      int remaining = stream.length - at;
      if (remaining < 9) {
        throw new MalformedTnef("cut off: an attribute header at offset " + at + " needs 9 bytes, " + remaining + " remain");
      }
      int level = stream[at] & 0xFF;
      int id = (int) u32(stream, at + 1);
      long length = u32(stream, at + 5);
      String what = "attribute 0x%08X at offset %d".formatted(id, at);
      if (length > remaining - 11L) {
        throw new MalformedTnef(what + " declares " + length + " bytes of data, only " + Math.max(0, remaining - 11)
            + " remain before its checksum");
      }
      Slice data = new Slice(stream, at + 9, (int) length);
      int checksum = (int) u16(stream, at + 9 + (int) length);
      int sum = 0;
      for (int i = at + 9; i < at + 9 + length; i++) {
        sum += stream[i] & 0xFF;
      }
      if ((sum & 0xFFFF) != checksum) {
        throw new MalformedTnef("attribute checksum mismatch: " + what + " has checksum 0x%04X, its data adds up to 0x%04X"
            .formatted(checksum, sum & 0xFFFF));
      }
      switch (level) {
        case LEVEL_MESSAGE -> {
          messageAttributes.putIfAbsent(id, data);
          if (id == ATT_MSG_PROPS) {
            messageProperties.addAll(properties(data, what));
          }
        }
        case LEVEL_ATTACHMENT -> {
          if (id == ATT_ATTACH_REND_DATA) {
            if (attachmentAttributes.size() == MAX_ATTACHMENTS) {
              throw new MalformedTnef("more than " + MAX_ATTACHMENTS + " attachments");
            }
            attachmentAttributes.add(new LinkedHashMap<>());
            attachmentProperties.add(new ArrayList<>());
          } else if (attachmentAttributes.isEmpty()) {
            throw new MalformedTnef(what + " belongs to an attachment, but no attAttachRendData started one");
          }
          attachmentAttributes.getLast().putIfAbsent(id, data);
          if (id == ATT_ATTACHMENT) {
            attachmentProperties.getLast().addAll(properties(data, what));
          }
        }
        default -> throw new MalformedTnef(what + " has level " + level + ", neither message (1) nor attachment (2)");
      }
      return at + 11 + (int) length;
    }

    /** The MAPI properties in an attribute's data (MS-OXTNEF 2.1.3.4), every one of its bytes accounted for. */
    private List<Property> properties(Slice data, String attribute) throws MalformedTnef {
      Cursor in = new Cursor(stream, data.offset, data.offset + data.length, attribute);
      long count = in.u32("its property count");
      if (count > in.remaining() / 8) { // a tag and at least four bytes of value each
        throw new MalformedTnef(attribute + " declares " + count + " MAPI properties in " + in.remaining() + " bytes");
      }
      List<Property> properties = new ArrayList<>((int) count);
      for (long i = 0; i < count; i++) {
        properties.add(property(in));
      }
      if (in.remaining() != 0) {
        throw new MalformedTnef(attribute + " has " + in.remaining() + " bytes after its " + count + " MAPI properties");
      }
      return properties;
    }

    private Property property(Cursor in) throws MalformedTnef {
      int tagType = (int) in.u16("a property type");
      int id = (int) in.u16("a property id");
      String what = "MAPI property 0x%04X%04X".formatted(id, tagType);
      Optional<Name> name = Optional.empty();
      if (id >= 0x8000) { // a named property: its property set and its number or string
        UUID set = in.slice(16, what + "'s property set").guid(0);
        long kind = in.u32(what + "'s name kind");
        if (kind == 0) {
          name = Optional.of(new Name.Number(set, in.u32(what + "'s number")));
        } else if (kind == 1) {
          long length = in.u32(what + "'s name length");
          Slice text = in.slice(length, what + "'s name");
          in.pad(length, what + "'s name");
          name = Optional.of(new Name.Text(set, text.string(StandardCharsets.UTF_16LE)));
        } else {
          throw new MalformedTnef(in.attribute + ": " + what + " has name kind " + kind + ", neither number (0) nor string (1)");
        }
      }
      boolean multiValued = (tagType & MV_FLAG) != 0;
      int type = tagType & ~MV_FLAG;
      int fixed = fixedSize(type);
      boolean variable = type == PT_STRING8 || type == PT_UNICODE || type == PT_BINARY || type == PT_OBJECT || type == PT_SVREID;
      if (fixed == 0 && !variable) {
        throw new MalformedTnef(in.attribute + ": " + what + " has a type (0x%04X) MS-OXTNEF does not define".formatted(type));
      }
      long count = 1;
      if (multiValued || variable) {
        count = in.u32(what + "'s value count");
        if (count > in.remaining() / 4) {
          throw new MalformedTnef(in.attribute + ": " + what + " declares " + count + " values in " + in.remaining() + " bytes");
        }
      }
      List<Slice> values = new ArrayList<>((int) count);
      for (long i = 0; i < count; i++) {
        if (variable) {
          long length = in.u32(what + "'s value length");
          values.add(in.slice(length, what + "'s value"));
          in.pad(length, what + "'s value");
        } else {
          values.add(in.slice(fixed, what + "'s value"));
          in.pad(fixed, what + "'s value"); // 2-byte values are padded to 4
        }
      }
      return new Property(type, id, multiValued, name, values);
    }

    /** The code page of the stream's 8-bit strings: attOemCodepage, else PR_INTERNET_CPID, else Windows-1252. */
    private Charset charset() {
      Optional<Long> oem = Optional.ofNullable(messageAttributes.get(ATT_OEM_CODEPAGE)).filter(s -> s.length() >= 4).map(s -> s.u32(0));
      Optional<Long> internet = new Properties(messageProperties, StandardCharsets.ISO_8859_1).integer(PR_INTERNET_CPID);
      return oem.flatMap(TnefReader::codePage).or(() -> internet.flatMap(TnefReader::codePage))
          .orElse(Charset.forName("windows-1252"));
    }
  }

  /** The bytes a fixed-size value takes (MS-OXTNEF 2.1.3.4), 0 for the variable-size types and unknown ones. */
  private static int fixedSize(int type) {
    return switch (type) {
      case PT_I2, PT_BOOLEAN -> 2;
      case PT_LONG, PT_R4, PT_ERROR -> 4;
      case PT_DOUBLE, PT_CURRENCY, PT_APPTIME, PT_I8, PT_SYSTIME -> 8;
      case PT_CLSID -> 16;
      default -> 0;
    };
  }

  /** A Windows code page's charset, when the JDK has it. */
  static Optional<Charset> codePage(long codePage) {
    String name = switch ((int) codePage) {
      case 65001 -> "UTF-8";
      case 1200 -> "UTF-16LE";
      case 20127 -> "US-ASCII";
      case 932 -> "windows-31j";
      case 936 -> "GBK";
      case 949 -> "x-windows-949";
      case 950 -> "x-windows-950";
      case 50220, 50221, 50222 -> "ISO-2022-JP";
      case 51932 -> "EUC-JP";
      case 20866 -> "KOI8-R";
      case 21866 -> "KOI8-U";
      default -> codePage >= 28591 && codePage <= 28606 ? "ISO-8859-" + (codePage - 28590)
          : codePage >= 1250 && codePage <= 1258 ? "windows-" + codePage : "IBM" + String.format("%03d", codePage);
    };
    return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
  }

  static long u16(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
  }

  static long u32(byte[] bytes, int at) {
    return (u16(bytes, at) | u16(bytes, at + 2) << 16) & 0xFFFFFFFFL;
  }

  /** Reading forward within an attribute's data: every read checked against what remains of it. */
  private static final class Cursor {
    private final byte[] stream;
    private final int end;
    private final String attribute;
    private int at;

    Cursor(byte[] stream, int from, int end, String attribute) {
      this.stream = stream;
      this.at = from;
      this.end = end;
      this.attribute = attribute;
    }

    long remaining() {
      return end - at;
    }

    long u16(String what) throws MalformedTnef {
      return slice(2, what).u16(0);
    }

    long u32(String what) throws MalformedTnef {
      return slice(4, what).u32(0);
    }

    Slice slice(long length, String what) throws MalformedTnef {
      if (length > remaining()) {
        throw new MalformedTnef(attribute + ": " + what + " needs " + length + " bytes, only " + remaining() + " remain in it");
      }
      Slice slice = new Slice(stream, at, (int) length);
      at += (int) length;
      return slice;
    }

    /** The padding after a value of this length, to the next multiple of 4. */
    void pad(long length, String what) throws MalformedTnef {
      slice((4 - length % 4) % 4, what + "'s padding");
    }
  }
}
