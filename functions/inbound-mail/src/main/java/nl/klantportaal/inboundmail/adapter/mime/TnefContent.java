package nl.klantportaal.inboundmail.adapter.mime;

import java.io.IOException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import net.freeutils.tnef.Attachment;
import net.freeutils.tnef.Attr;
import net.freeutils.tnef.CompressedRTFInputStream;
import net.freeutils.tnef.MAPIProp;
import net.freeutils.tnef.MAPIProps;
import net.freeutils.tnef.Message;
import net.freeutils.tnef.RawInputStream;
import net.freeutils.tnef.TNEFInputStream;
import net.freeutils.tnef.TNEFUtils;

/**
 * What an Outlook {@code winmail.dat} holds (TNEF, {@code application/ms-tnef}, MS-OXTNEF), read with jtnef's core
 * package: the files attached in it, each with its long name (MAPI's {@code PR_ATTACH_LONG_FILENAME}, before TNEF's
 * 8.3 {@code attAttachTitle}: {@code zappa_av1.jpg}, not {@code ZAPPA_~2.JPG}) and a content type taken from that
 * name; the attachments that are no file (an Outlook item such as a mail dragged onto the message, a link to a file);
 * and the message's text: plain ({@code attBody}, {@code PR_BODY}), HTML ({@code PR_BODY_HTML}) or compressed RTF
 * ({@code PR_RTF_COMPRESSED}, decompressed by jtnef and read by {@link RtfText}). The files' bytes stay in the TNEF
 * bytes (jtnef reads views of them) until asked for. Nothing here throws on bad input: a stream that is not valid
 * TNEF is {@link Unpacked.Unreadable} with jtnef's reason.
 */
final class TnefContent {
  /** The first four bytes of every TNEF stream, little-endian 0x223E9F78. */
  private static final byte[] SIGNATURE = {0x78, (byte) 0x9F, 0x3E, 0x22};
  /**
   * The largest RTF text read (decompressed): far beyond a mail's text (pictures in it are skipped, not read), and
   * the compressed RTF's header declares its size before anything is allocated for it.
   */
  static final long MAX_RTF = 8L * 1024 * 1024;
  /** {@code attAttachTransportFilename}: the name a file had in transport, when Outlook wrote it (jtnef has no constant). */
  private static final int ATT_ATTACH_TRANSPORT_FILENAME = 0x9001;

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
    return TNEFUtils.isTNEFMimeType(contentType);
  }

  static Unpacked unpack(byte[] bytes) {
    if (!signed(bytes)) {
      return new Unpacked.Unreadable("no TNEF signature");
    }
    try {
      // Read from a RawInputStream, jtnef keeps each attribute as a view of these bytes: nothing is copied, and a
      // length beyond the end is an error rather than an allocation.
      Message message = new Message(new TNEFInputStream(new RawInputStream(bytes)));
      List<File> files = new ArrayList<>();
      List<String> notFiles = new ArrayList<>();
      for (Attachment attachment : message.getAttachments()) {
        Optional<String> name = name(attachment);
        RawInputStream data = attachment.getNestedMessage() == null ? attachment.getRawData() : null;
        if (data == null) {
          notFiles.add(name.orElse("Outlook-item"));
          continue;
        }
        files.add(new File(name, contentType(name, attachment.getMAPIProps()), data.getLength(),
            () -> new RawInputStream(data, 0, data.getLength())));
      }
      return new Unpacked.Read(files, notFiles, text(message));
    } catch (IOException | RuntimeException e) {
      return new Unpacked.Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The long name when there is one, else the transport name, else TNEF's title (often 8.3), else MAPI's others. */
  private static Optional<String> name(Attachment attachment) throws IOException {
    MAPIProps props = attachment.getMAPIProps();
    List<Object> candidates = new ArrayList<>();
    if (props != null) {
      candidates.add(props.getPropValue(MAPIProp.PR_ATTACH_LONG_FILENAME));
    }
    candidates.add(attachment.getAttributeValue(ATT_ATTACH_TRANSPORT_FILENAME));
    candidates.add(attachment.getAttributeValue(Attr.attAttachTitle));
    if (props != null) {
      candidates.add(props.getPropValue(MAPIProp.PR_ATTACH_FILENAME));
      candidates.add(props.getPropValue(MAPIProp.PR_DISPLAY_NAME));
    }
    return candidates.stream().filter(String.class::isInstance).map(String.class::cast).map(TNEFUtils::removeTerminatingNulls)
        .map(String::strip).filter(n -> !n.isEmpty()).findFirst();
  }

  /**
   * The content type a file's name says: the portal's kind for its extension (so {@code .docx} is Word's type), else
   * the MIME type Outlook noted ({@code PR_ATTACH_MIME_TAG}), else the JDK's table ({@code .htm}: {@code text/html}),
   * else {@code application/octet-stream}. The portal's rules then check the bytes against it as for any file.
   */
  static String contentType(Optional<String> name, MAPIProps props) throws IOException {
    Optional<String> extension = name.filter(n -> n.lastIndexOf('.') > 0).map(n -> n.substring(n.lastIndexOf('.') + 1));
    Optional<String> kind = extension.flatMap(e -> Arrays.stream(AttachmentKind.values()).filter(k -> k.acceptsExtension(e)).findFirst())
        .map(AttachmentKind::contentType);
    if (kind.isPresent()) {
      return kind.get();
    }
    Object tag = props == null ? null : props.getPropValue(MAPIProp.PR_ATTACH_MIME_TAG);
    if (tag instanceof String mime && mime.strip().matches("[\\w.+-]+/[\\w.+-]+")) {
      return mime.strip().toLowerCase(Locale.ROOT);
    }
    return name.map(n -> URLConnection.getFileNameMap().getContentTypeFor(n)).orElse("application/octet-stream");
  }

  private static Text text(Message message) throws IOException {
    Object body = message.getAttributeValue(Attr.attBody);
    MAPIProps props = message.getMAPIProps();
    if (body instanceof String plain && !plain.isBlank()) {
      return new Text.Plain(TNEFUtils.removeTerminatingNulls(plain));
    }
    if (props == null) {
      return new Text.None();
    }
    if (props.getPropValue(MAPIProp.PR_BODY) instanceof String plain && !plain.isBlank()) {
      return new Text.Plain(TNEFUtils.removeTerminatingNulls(plain));
    }
    Object html = props.getPropValue(MAPIProp.PR_BODY_HTML);
    if (html instanceof String markup && !markup.isBlank()) {
      return new Text.Html(markup);
    }
    if (html instanceof RawInputStream raw && raw.getLength() > 0) {
      return new Text.Html(Mime4jMailParser.text(raw.toByteArray()));
    }
    if (props.getPropValue(MAPIProp.PR_RTF_COMPRESSED) instanceof RawInputStream compressed) {
      return rtf(compressed.toByteArray());
    }
    return new Text.None();
  }

  /** Compressed RTF (MS-OXRTFCP) to text; its header's sizes are checked before jtnef allocates the text. */
  private static Text rtf(byte[] compressed) {
    if (compressed.length < 16) {
      return new Text.Unreadable("compressed RTF without its header");
    }
    long rawSize = TNEFUtils.getU32(compressed, 4);
    if (rawSize > MAX_RTF) {
      return new Text.Unreadable("RTF of " + rawSize + " bytes, more than " + MAX_RTF);
    }
    try {
      String text = RtfText.of(CompressedRTFInputStream.decompressRTF(compressed));
      return text.isBlank() ? new Text.None() : new Text.Plain(text);
    } catch (IOException | RuntimeException e) {
      return new Text.Unreadable("RTF: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
