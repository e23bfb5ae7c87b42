package nl.klantportaal.ticketing.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a ticket accepts: each with its content type, the file-name extensions that go
 * with it and the first bytes such a file starts with. A file is accepted only when the content
 * type the client declared, the extension of its name and its first bytes all name the same kind.
 */
public enum AttachmentKind {
  PNG("image/png", List.of("png")),
  JPEG("image/jpeg", List.of("jpg", "jpeg")),
  GIF("image/gif", List.of("gif")),
  WEBP("image/webp", List.of("webp")),
  PDF("application/pdf", List.of("pdf")),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx")),
  DOC("application/msword", List.of("doc")),
  XLS("application/vnd.ms-excel", List.of("xls")),
  TXT("text/plain", List.of("txt", "log")),
  CSV("text/csv", List.of("csv")),
  EML("message/rfc822", List.of("eml")),
  ZIP("application/zip", List.of("zip"));

  /** How many leading bytes {@link #matches} needs to decide; the confirm step reads this many. */
  public static final int SAMPLE_BYTES = 8 * 1024;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  private static final byte[] ZIP_LOCAL_FILE = {'P', 'K', 0x03, 0x04};
  private static final byte[] ZIP_EMPTY = {'P', 'K', 0x05, 0x06};

  private final String contentType;
  private final List<String> extensions;

  AttachmentKind(String contentType, List<String> extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  public String contentType() {
    return contentType;
  }

  public List<String> extensions() {
    return extensions;
  }

  public boolean isText() {
    return this == TXT || this == CSV || this == EML;
  }

  /** The kind a declared content type names (parameters such as {@code ; charset=utf-8} ignored), or empty. */
  public static Optional<AttachmentKind> ofContentType(String declared) {
    if (declared == null) {
      return Optional.empty();
    }
    String bare = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (bare.equals("application/x-zip-compressed")) {
      return Optional.of(ZIP);
    }
    return Arrays.stream(values()).filter(k -> k.contentType.equals(bare)).findFirst();
  }

  public static List<String> contentTypes() {
    return Arrays.stream(values()).map(AttachmentKind::contentType).toList();
  }

  public boolean acceptsExtension(String extension) {
    return extensions.contains(extension.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a file's first bytes are this kind. {@code head} is the start of the file (at most
   * {@link #SAMPLE_BYTES}); {@code complete} says it is the whole file, so a multi-byte UTF-8
   * character cut off at its end is an error rather than the edge of the sample.
   */
  public boolean matches(byte[] head, boolean complete) {
    return switch (this) {
      case PNG -> startsWith(head, PNG_MAGIC);
      case JPEG -> startsWith(head, JPEG_MAGIC);
      case GIF -> startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"));
      case WEBP -> head.length >= 12 && startsWith(head, ascii("RIFF")) && regionEquals(head, 8, ascii("WEBP"));
      case PDF -> startsWith(head, ascii("%PDF-"));
      case DOCX, XLSX, PPTX -> startsWith(head, ZIP_LOCAL_FILE);
      case DOC, XLS -> startsWith(head, OLE2_MAGIC);
      case ZIP -> startsWith(head, ZIP_LOCAL_FILE) || startsWith(head, ZIP_EMPTY);
      case TXT, CSV -> head.length > 0 && utf8WithoutNul(head, complete);
      case EML -> head.length > 0 && utf8WithoutNul(head, complete) && rfc822Headers(head, complete);
    };
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length && regionEquals(data, 0, prefix);
  }

  private static boolean regionEquals(byte[] data, int offset, byte[] expected) {
    return data.length >= offset + expected.length
        && Arrays.equals(data, offset, offset + expected.length, expected, 0, expected.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Valid UTF-8 (a BOM is fine), no NUL byte; a partial character at the end of an incomplete sample is allowed. */
  static boolean utf8WithoutNul(byte[] head, boolean complete) {
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    int end = complete ? head.length : head.length - incompleteTail(head);
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Bytes of a multi-byte character begun within the last three bytes but not finished. */
  private static int incompleteTail(byte[] head) {
    for (int back = 1; back <= Math.min(3, head.length); back++) {
      int b = head[head.length - back] & 0xFF;
      if ((b & 0xC0) == 0x80) {
        continue; // a continuation byte: look further back for the lead byte
      }
      int needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
      return needed > back ? back : 0;
    }
    return 0;
  }

  /**
   * RFC 5322 header lines up to the first empty line (or the end of the sample): each a field name
   * of printable ASCII without colon followed by {@code :}, or a folded continuation (starts with
   * space or tab). At least one field; a mail starts with a field, not with a continuation.
   */
  static boolean rfc822Headers(byte[] head, boolean complete) {
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    int last = complete ? lines.length : lines.length - 1; // the sample's last line may be cut off
    int fields = 0;
    for (int i = 0; i < last; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        break;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (fields == 0) {
          return false;
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 1 || !line.substring(0, colon).chars().allMatch(c -> c >= 33 && c <= 126)) {
        return false;
      }
      fields++;
    }
    return fields > 0;
  }
}
