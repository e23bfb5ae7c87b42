package nl.klantportaal.inboundmail.adapter.mime;

import java.io.IOException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import nl.klantportaal.ticketing.domain.AttachmentKind;

/**
 * What an Outlook {@code winmail.dat} holds (TNEF, {@code application/ms-tnef}, MS-OXTNEF), read by our own
 * {@link TnefReader}: the files attached in it, each with its long name (MAPI's {@code PR_ATTACH_LONG_FILENAME}, before
 * TNEF's 8.3 {@code attAttachTitle}: {@code zappa_av1.jpg}, not {@code ZAPPA_~2.JPG}) and a content type taken from
 * that name; the attachments that are no file (an Outlook item such as a mail dragged onto the message, a link to a
 * file); and the message's text: plain ({@code attBody}, {@code PR_BODY}), HTML ({@code PR_HTML}) or compressed RTF
 * ({@code PR_RTF_COMPRESSED}, decompressed by {@link CompressedRtf} and read by {@link RtfText}). The files' bytes stay
 * in the TNEF bytes (the reader keeps views of them) until asked for. Nothing here throws on bad input: a stream that
 * is not valid TNEF is {@link Unpacked.Unreadable} with the reader's reason.
 */
final class TnefContent {
  /** The first four bytes of every TNEF stream, little-endian 0x223E9F78. */
  private static final byte[] SIGNATURE = {0x78, (byte) 0x9F, 0x3E, 0x22};
  /**
   * The largest RTF text read (decompressed): far beyond a mail's text (pictures in it are skipped, not read), and
   * the compressed RTF's header declares its size before anything is allocated for it.
   */
  static final long MAX_RTF = 8L * 1024 * 1024;

  private TnefContent() {}

  /** What a TNEF stream gave. */
  sealed interface Unpacked {
    /** Its files (in order), the names of its attachments that are no file, and its text. */
    record Read(List<File> files, List<String> notFiles, Text text) implements Unpacked {
      public Read {
        files = List.copyOf(files);
        notFiles = List.copyOf(notFiles);
      }
    }

    /** Not valid TNEF: nothing is taken out of it. */
    record Unreadable(String why) implements Unpacked {}
  }

  /** A file in the TNEF: its name (empty when it has none), the content type its name says, its size and bytes. */
  record File(Optional<String> name, String contentType, long size, ParsedMail.Content content) {}

  /** The text of the message in the TNEF. */
  sealed interface Text {
    record None() implements Text {}

    record Plain(String text) implements Text {}

    record Html(String html) implements Text {}

    /** It has a text, but not one that could be read: why. */
    record Unreadable(String why) implements Text {}
  }

  /** Whether the bytes start with TNEF's signature. */
  static boolean signed(byte[] bytes) {
    return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
  }

  /** Whether a declared content type is TNEF's ({@code application/ms-tnef}, {@code application/vnd.ms-tnef}). */
  static boolean declared(String contentType) {
    String type = contentType.strip().toLowerCase(Locale.ROOT);
    return type.startsWith("application/ms-tnef") || type.startsWith("application/vnd.ms-tnef");
  }

  static Unpacked unpack(byte[] bytes) {
    if (!signed(bytes)) {
      return new Unpacked.Unreadable("no TNEF signature");
    }
    return switch (TnefReader.read(bytes)) {
      case TnefReader.Result.Malformed malformed -> new Unpacked.Unreadable(malformed.why());
      case TnefReader.Result.Read read -> {
        List<File> files = new ArrayList<>();
        List<String> notFiles = new ArrayList<>();
        for (TnefReader.Attachment attachment : read.tnef().attachments()) {
          Optional<String> name = name(attachment);
          Optional<TnefReader.Slice> data = data(attachment);
          if (data.isEmpty()) {
            notFiles.add(name.orElse("Outlook-item"));
            continue;
          }
          TnefReader.Slice bytesOfFile = data.get();
          files.add(new File(name, contentType(name, attachment.properties()), bytesOfFile.length(), bytesOfFile::open));
        }
        yield new Unpacked.Read(files, notFiles, text(read.tnef()));
      }
    };
  }

  /**
   * A file's bytes: {@code attAttachData}, else a binary {@code PR_ATTACH_DATA_BIN}. None for an attachment that is no
   * file: an attached Outlook item ({@code PR_ATTACH_METHOD} 5, or {@code PR_ATTACH_DATA_OBJ} an {@code IMessage}), a
   * link (by reference, 2 to 4, or a web link, 7), or one without data.
   */
  private static Optional<TnefReader.Slice> data(TnefReader.Attachment attachment) {
    TnefReader.Properties props = attachment.properties();
    boolean item = props.integer(TnefReader.PR_ATTACH_METHOD).filter(m -> m == 5).isPresent()
        || props.objectInterface(TnefReader.PR_ATTACH_DATA).filter(TnefReader.IID_IMESSAGE::equals).isPresent();
    boolean link = props.integer(TnefReader.PR_ATTACH_METHOD).filter(m -> m >= 2 && m <= 4 || m == 7).isPresent();
    if (item || link) {
      return Optional.empty();
    }
    return attachment.attribute(TnefReader.ATT_ATTACH_DATA).or(() -> props.binary(TnefReader.PR_ATTACH_DATA));
  }

  /** The long name when there is one, else the transport name, else TNEF's title (often 8.3), else MAPI's others. */
  private static Optional<String> name(TnefReader.Attachment attachment) {
    TnefReader.Properties props = attachment.properties();
    return Stream.<Supplier<Optional<String>>>of(() -> props.string(TnefReader.PR_ATTACH_LONG_FILENAME),
            () -> attachment.string(TnefReader.ATT_ATTACH_TRANSPORT_FILENAME), () -> attachment.string(TnefReader.ATT_ATTACH_TITLE),
            () -> props.string(TnefReader.PR_ATTACH_FILENAME), () -> props.string(TnefReader.PR_DISPLAY_NAME))
        .map(Supplier::get).flatMap(Optional::stream).map(String::strip).filter(n -> !n.isEmpty()).findFirst();
  }

  /**
   * The content type a file's name says: the portal's kind for its extension (so {@code .docx} is Word's type), else
   * the MIME type Outlook noted ({@code PR_ATTACH_MIME_TAG}), else the JDK's table ({@code .htm}: {@code text/html}),
   * else {@code application/octet-stream}. The portal's rules then check the bytes against it as for any file.
   */
  static String contentType(Optional<String> name, TnefReader.Properties props) {
    Optional<String> extension = name.filter(n -> n.lastIndexOf('.') > 0).map(n -> n.substring(n.lastIndexOf('.') + 1));
    Optional<String> kind = extension.flatMap(e -> Arrays.stream(AttachmentKind.values()).filter(k -> k.acceptsExtension(e)).findFirst())
        .map(AttachmentKind::contentType);
    if (kind.isPresent()) {
      return kind.get();
    }
    Optional<String> tag = props.string(TnefReader.PR_ATTACH_MIME_TAG).map(String::strip).filter(m -> m.matches("[\\w.+-]+/[\\w.+-]+"));
    if (tag.isPresent()) {
      return tag.get().toLowerCase(Locale.ROOT);
    }
    return name.map(n -> URLConnection.getFileNameMap().getContentTypeFor(n)).orElse("application/octet-stream");
  }

  /** The message's text: {@code attBody}, else {@code PR_BODY}, else {@code PR_HTML}, else {@code PR_RTF_COMPRESSED}. */
  private static Text text(TnefReader.Tnef tnef) {
    TnefReader.Properties props = tnef.properties();
    Optional<String> plain = tnef.string(TnefReader.ATT_BODY).filter(t -> !t.isBlank())
        .or(() -> props.string(TnefReader.PR_BODY).filter(t -> !t.isBlank()));
    if (plain.isPresent()) {
      return new Text.Plain(plain.get());
    }
    Optional<String> html = props.string(TnefReader.PR_HTML).filter(t -> !t.isBlank())
        .or(() -> props.binary(TnefReader.PR_HTML).filter(b -> b.length() > 0).map(b -> Mime4jMailParser.text(b.bytes())));
    if (html.isPresent()) {
      return new Text.Html(html.get());
    }
    return props.binary(TnefReader.PR_RTF_COMPRESSED).map(TnefContent::rtf).orElseGet(Text.None::new);
  }

  /** Compressed RTF (MS-OXRTFCP, {@link CompressedRtf}: its declared size checked first) read as text. */
  private static Text rtf(TnefReader.Slice compressed) {
    return switch (CompressedRtf.decompress(compressed.bytes(), MAX_RTF)) {
      case CompressedRtf.Result.Refused refused -> new Text.Unreadable(refused.why());
      case CompressedRtf.Result.Rtf rtf -> {
        try {
          String text = RtfText.of(rtf.rtf());
          yield text.isBlank() ? new Text.None() : new Text.Plain(text);
        } catch (IOException | RuntimeException e) {
          yield new Text.Unreadable("RTF: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    };
  }
}
