package nl.klantportaal.inboundmail.adapter.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import nl.klantportaal.inboundmail.domain.Threading;
import nl.klantportaal.inboundmail.port.MailParser;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.dom.field.FieldName;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeParameterMapping;
import org.apache.james.mime4j.util.ByteSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MIME with Apache James mime4j, permissive and best effort: header bytes are read as UTF-8 when they
 * are valid UTF-8 and as Windows-1252 otherwise, then unfolded and their encoded words decoded; body
 * parts are transfer-decoded by mime4j and read in their declared charset, falling back to UTF-8 or
 * Windows-1252 when the charset is unknown or wrong. The text is the plain parts (in order); an
 * HTML-only message is turned into text by {@link HtmlText}. Files (a filename, an attachment
 * disposition, or a non-text part) are listed with their decoded size, and their bytes are read from
 * the parsed message when asked for (mime4j keeps each part decoded in memory; nothing is copied
 * here). A file without a name gets a made-up one, with the extension of its declared type when that
 * type is one the tickets accept (an inline image: {@code bijlage-1.png}), so it is checked like any
 * other. Nothing here throws on bad input.
 */
public final class Mime4jMailParser implements MailParser {
  private static final Logger LOG = LoggerFactory.getLogger(Mime4jMailParser.class);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** The Message-ID header of a returned message's headers ({@code text/rfc822-headers}), folded or not. */
  private static final Pattern RETURNED_MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*(<[^>]+>)");
  private static final Pattern ANGLE_ADDRESS = Pattern.compile("<\\s*([^<>@\\s]+@[^<>\\s]+?)\\s*>");
  private static final Pattern BARE_ADDRESS = Pattern.compile("([^\\s<>\"(),;:\\[\\]]+@[^\\s<>\"(),;:\\[\\]]+)");
  /**
   * Content types that mail clients write for the kinds tickets take, under their registered names: older Windows and
   * Android clients say {@code image/jpg} or {@code image/pjpeg}, some scanners {@code application/x-pdf}.
   */
  private static final Map<String, String> MAIL_CLIENT_ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
      "image/x-png", "image/png", "application/x-pdf", "application/pdf", "application/acrobat", "application/pdf",
      "application/x-zip", "application/zip", "text/x-csv", "text/csv", "text/comma-separated-values", "text/csv");
  /** The signature part of a {@code multipart/signed} (RFC 1847): S/MIME (RFC 8551, and its older x- name) and OpenPGP (RFC 3156). */
  private static final Set<String> SIGNATURES = Set.of("application/pkcs7-signature",
      "application/x-pkcs7-signature", "application/pgp-signature");
  /** How deep the walk goes into multiparts: far beyond any client's structure, well within the stack. */
  static final int MAX_DEPTH = 64;
  private static final MimeConfig CONFIG = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1)
      .setMaxContentLen(-1).setStrictParsing(false).build();

  @Override
  public ParsedMail parse(byte[] raw) {
    List<String> problems = new ArrayList<>();
    Message message;
    try {
      DefaultMessageBuilder builder = new DefaultMessageBuilder();
      builder.setMimeEntityConfig(CONFIG);
      builder.setDecodeMonitor(DecodeMonitor.SILENT);
      message = builder.parseMessage(new ByteArrayInputStream(raw));
    } catch (IOException | RuntimeException e) {
      // Unparseable structure: keep what a person can read (headers, the rest as text) and say so.
      LOG.warn("Mail structure unreadable, read as plain text: {}", e.getClass().getSimpleName());
      return fallback(raw, "structure-unreadable: " + e.getClass().getSimpleName());
    }
    Map<String, List<String>> headers = headers(message.getHeader() == null ? List.of() : message.getHeader().getFields());
    Walk walk = new Walk(problems);
    walk.entity(message, true, 0);
    if (walk.plain.isEmpty() && walk.html.isEmpty()) {
      walk.tnefTexts(); // the text of an Outlook mail that sent it only in its winmail.dat
    }
    if (walk.plain.isEmpty() && walk.html.isEmpty() && walk.files.isEmpty() && !walk.preambles.isEmpty()) {
      // A multipart whose boundaries never match keeps everything in its preamble: better that than nothing.
      problems.add("text-from-preamble");
      walk.plain.add(String.join("\n", walk.preambles));
    }
    String text = walk.plain.isEmpty() ? HtmlText.of(String.join("\n", walk.html)) : String.join("\n", walk.plain);
    return assemble(headers, text, walk.plain.isEmpty() && !walk.html.isEmpty(), walk.files, walk.deliveryReport, problems,
        walk.deliveryStatus.toString(), walk.returnedMessageIds, walk.unread);
  }

  private static ParsedMail assemble(Map<String, List<String>> headers, String text, boolean htmlOnly,
      List<ParsedMail.AttachedFile> files, boolean deliveryReport, List<String> problems, String deliveryStatus,
      List<String> returnedMessageIds, List<ParsedMail.Unread> unread) {
    Optional<String> messageId = first(headers, "message-id").flatMap(v -> {
      List<String> ids = Threading.messageIds(v);
      return ids.isEmpty() ? Optional.of(v.strip()).filter(s -> !s.isEmpty()).map(s -> "<" + s.replaceAll("[<>\\s]", "") + ">")
          : Optional.of(ids.get(0));
    });
    Optional<String> from = first(headers, "from").flatMap(Mime4jMailParser::address);
    String subject = first(headers, "subject").orElse("");
    List<String> inReplyTo = headers.getOrDefault("in-reply-to", List.of()).stream().flatMap(v -> Threading.messageIds(v).stream()).toList();
    List<String> references = headers.getOrDefault("references", List.of()).stream().flatMap(v -> Threading.messageIds(v).stream()).toList();
    return new ParsedMail(messageId, from, subject, headers, text, htmlOnly, files, inReplyTo, references, deliveryReport, problems,
        deliveryStatus, returnedMessageIds, unread);
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return headers.getOrDefault(name, List.of()).stream().findFirst();
  }

  static Optional<String> address(String value) {
    Matcher angle = ANGLE_ADDRESS.matcher(value);
    if (angle.find()) {
      return Optional.of(angle.group(1));
    }
    Matcher bare = BARE_ADDRESS.matcher(value);
    return bare.find() ? Optional.of(bare.group(1)) : Optional.empty();
  }

  private static Map<String, List<String>> headers(List<Field> fields) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Field field : fields) {
      headers.computeIfAbsent(field.getName().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(headerValue(field));
    }
    return headers;
  }

  private static String headerValue(Field field) {
    ByteSequence raw = field.getRaw();
    String value;
    if (raw != null) {
      String line = text(raw.toByteArray());
      int colon = line.indexOf(':');
      value = colon < 0 ? field.getBody() : line.substring(colon + 1);
    } else {
      value = field.getBody();
    }
    String unfolded = value.replaceAll("\r?\n[ \t]*", " ").replaceAll("[\r\n]", " ").strip();
    return windows1252Controls(DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT));
  }

  /**
   * Text read as ISO-8859-1 with C1 control characters (U+0080 to U+009F) in it was Windows-1252: mail clients
   * write its curly quotes, dashes and euro sign under the Latin-1 label, and read Latin-1 as Windows-1252 (as
   * browsers do). The controls themselves never belong in mail text.
   */
  static String windows1252Controls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
        out.append(mapped.charAt(0) == '\uFFFD' ? c : mapped.charAt(0));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Bytes as UTF-8 when they are valid UTF-8, otherwise as Windows-1252 (a superset of Latin-1 that mail uses) —
   * unless they are mostly UTF-8 with a broken sequence (a cut-off character, a bad escape): then UTF-8 with the
   * broken bytes replaced, rather than every good character turned into two or three wrong ones.
   */
  static String text(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return mostlyUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }
  }

  /** More well-formed multi-byte UTF-8 sequences than bytes that fit none. */
  private static boolean mostlyUtf8(byte[] bytes) {
    int good = 0;
    int bad = 0;
    for (int i = 0; i < bytes.length; ) {
      int b = bytes[i] & 0xFF;
      int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (length == 1) {
        i++;
        continue;
      }
      boolean ok = length > 1 && i + length <= bytes.length;
      for (int k = 1; ok && k < length; k++) {
        ok = (bytes[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        good++;
        i += length;
      } else {
        bad++;
        i++;
      }
    }
    return good > bad;
  }

  private static ParsedMail fallback(byte[] raw, String problem) {
    String all = text(raw);
    int end = all.indexOf("\r\n\r\n");
    int sep = 4;
    if (end < 0) {
      end = all.indexOf("\n\n");
      sep = 2;
    }
    String block = end < 0 ? all : all.substring(0, end);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : block.replaceAll("\r?\n[ \t]+", " ").split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(windows1252Controls(DecoderUtil.decodeEncodedWords(line.substring(colon + 1).strip(), DecodeMonitor.SILENT)));
      }
    }
    String body = end < 0 ? "" : all.substring(end + sep);
    return assemble(headers, body, false, List.of(), false, List.of(problem), "", List.of(), List.of());
  }

  /** The walk over the parts: plain and HTML texts, files, and whether a delivery report is among them. */
  private static final class Walk {
    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    final List<ParsedMail.AttachedFile> files = new ArrayList<>();
    final List<String> problems;
    boolean deliveryReport;
    final StringBuilder deliveryStatus = new StringBuilder();
    final List<String> returnedMessageIds = new ArrayList<>();
    final List<String> preambles = new ArrayList<>();
    final List<ParsedMail.Unread> unread = new ArrayList<>();
    /** The texts of the mail's winmail.dat files, each with the part it came from: read when the mail has no other. */
    final List<Map.Entry<ParsedMail.Unread, TnefContent.Text>> tnefBodies = new ArrayList<>();
    int unnamed;

    Walk(List<String> problems) {
      this.problems = problems;
    }

    void entity(Entity entity, boolean top, int depth) {
      if (depth > MAX_DEPTH) {
        tooDeep(); // no mail client nests this deep; the parts below are not read
        return;
      }
      Body body = entity.getBody();
      String type = mimeType(entity);
      if (body instanceof Multipart multipart) {
        List<Entity> parts = type.equals("multipart/signed")
            // The signature of a signed mail (S/MIME's smime.p7s, OpenPGP's .asc) belongs to its structure, not to what
            // the sender attached: not a file of the ticket, nor a refused one listed on every signed mail.
            ? multipart.getBodyParts().stream().filter(p -> !SIGNATURES.contains(mimeType(p))).toList()
            : multipart.getBodyParts();
        Optional.ofNullable(multipart.getPreamble()).filter(p -> !p.isBlank()).map(String::strip).ifPresent(preambles::add);
        if (type.equals("multipart/report")
            && parts.stream().anyMatch(p -> mimeType(p).equals("message/delivery-status") || mimeType(p).equals("message/global-delivery-status"))) {
          deliveryReport = true;
        }
        if (type.equals("multipart/alternative")) {
          // The plain alternative, unless it is empty (some clients send an empty one beside the HTML that has the text).
          Optional<Entity> plainPart = parts.stream().filter(p -> mimeType(p).equals("text/plain") && !isFile(p))
              .filter(p -> !(p.getBody() instanceof SingleBody single) || !decodeQuietly(single, p.getCharset()).isBlank()).findFirst();
          if (plainPart.isPresent()) {
            entity(plainPart.get(), false, depth + 1);
            // The HTML alternative may hold the files it shows (Apple Mail, Thunderbird: multipart/related with the
            // screenshot beside the HTML); the plain text has none of them, so they are taken from there.
            parts.stream().filter(p -> p != plainPart.get()).forEach(p -> filesOf(p, depth + 1));
            return;
          }
        }
        parts.forEach(p -> entity(p, false, depth + 1));
        return;
      }
      if (body instanceof Message attached) {
        Optional.ofNullable(attached.getMessageId()).flatMap(id -> Threading.messageIds(id).stream().findFirst())
            .ifPresent(returnedMessageIds::add);
        if (nestsDeeperThan(attached, MAX_DEPTH - depth)) {
          tooDeep(); // written out again, mime4j's writer would recurse once per level and overflow the stack; the raw mail keeps it
          return;
        }
        files.add(new ParsedMail.AttachedFile(name(entity).orElse("doorgestuurd-bericht.eml"), "message/rfc822", attachedSize(attached), false,
            () -> new ByteArrayInputStream(written(attached))));
        return;
      }
      if (!(body instanceof SingleBody single)) {
        return;
      }
      if (isFile(entity) || !(type.equals("text/plain") || type.equals("text/html") || (top && type.startsWith("text/")))) {
        if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
          deliveryStatus.append(decode(single, entity.getCharset())).append("\n\n");
          return; // part of a delivery report: read by the report rule, not a file of the sender's
        }
        if (type.equals("text/rfc822-headers")) {
          Matcher id = RETURNED_MESSAGE_ID.matcher(decode(single, entity.getCharset()));
          if (id.find()) {
            Threading.messageIds(id.group(1)).stream().findFirst().ifPresent(returnedMessageIds::add);
          }
        }
        if (tnef(entity, single, type)) {
          return;
        }
        String fileType = MAIL_CLIENT_ALIASES.getOrDefault(type, type);
        String name = name(entity).orElseGet(() -> "bijlage-" + (++unnamed) + extension(fileType));
        files.add(new ParsedMail.AttachedFile(name, fileType, size(single),
            !"attachment".equalsIgnoreCase(String.valueOf(entity.getDispositionType())), single::getInputStream));
        return;
      }
      String content = flowed(entity).map(delSp -> FlowedText.unwrap(decode(single, entity.getCharset()), delSp))
          .orElseGet(() -> decode(single, entity.getCharset()));
      if (type.equals("text/html")) {
        html.add(content);
      } else if (!content.isBlank()) {
        plain.add(content); // an empty plain part says nothing; the HTML beside it, if any, is the text
      }
    }

    /**
     * An Outlook {@code winmail.dat}: a part declared TNEF, or named {@code winmail.dat} and starting with TNEF's
     * signature (some servers declare it {@code application/octet-stream}). Its files take its place among the mail's
     * files, in their order in it, under the same rules as any file; its attachments that are no file, or the whole of
     * it when it is not valid TNEF, are the mail's unread parts (named in the ticket); its text is kept for a mail that
     * has no other ({@link #tnefTexts}). False for any other part, and for a {@code winmail.dat} that is no TNEF: a
     * file like any other.
     */
    private boolean tnef(Entity entity, SingleBody single, String type) {
      Optional<String> name = name(entity);
      boolean declared = TnefContent.declared(type);
      if (!declared && !name.filter(n -> n.equalsIgnoreCase("winmail.dat")).isPresent()) {
        return false;
      }
      byte[] bytes;
      try (InputStream in = single.getInputStream()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        problems.add("part-unreadable");
        return false;
      }
      if (!declared && !TnefContent.signed(bytes)) {
        return false;
      }
      String fileName = name.orElse("winmail.dat");
      switch (TnefContent.unpack(bytes)) {
        case TnefContent.Unpacked.Unreadable no -> {
          LOG.warn("TNEF unreadable, listed as such: {}", no.why());
          problems.add("tnef-unreadable: " + no.why());
          unread.add(new ParsedMail.Unread(fileName, type, bytes.length, ParsedMail.Unread.Why.TNEF_UNREADABLE));
        }
        case TnefContent.Unpacked.Read read -> {
          for (TnefContent.File file : read.files()) {
            String inner = file.name().map(Mime4jMailParser::baseName).filter(n -> !n.isEmpty())
                .orElseGet(() -> "bijlage-" + (++unnamed) + extension(file.contentType()));
            files.add(new ParsedMail.AttachedFile(inner, file.contentType(), file.size(), false, file.content()));
          }
          read.notFiles().forEach(item -> unread.add(new ParsedMail.Unread(baseName(item), type, 0,
              ParsedMail.Unread.Why.TNEF_NOT_A_FILE)));
          tnefBodies.add(Map.entry(new ParsedMail.Unread(fileName, type, bytes.length, ParsedMail.Unread.Why.TNEF_TEXT_UNREADABLE),
              read.text()));
        }
      }
      return true;
    }

    /** The texts of the winmail.dat files, for a mail that has no plain or HTML text of its own. */
    void tnefTexts() {
      for (Map.Entry<ParsedMail.Unread, TnefContent.Text> tnef : tnefBodies) {
        switch (tnef.getValue()) {
          case TnefContent.Text.Plain text -> plain.add(text.text());
          case TnefContent.Text.Html text -> html.add(text.html());
          case TnefContent.Text.Unreadable no -> {
            LOG.warn("TNEF text unreadable, noted in the ticket: {}", no.why());
            problems.add("tnef-text-unreadable: " + no.why());
            unread.add(tnef.getKey());
          }
          case TnefContent.Text.None none -> {
            // the winmail.dat has no text either: the mail has none
          }
        }
      }
    }

    /**
     * The files in a part whose text is not read (an alternative beside the chosen plain text): the parts named as
     * files, at any depth; its texts (the HTML, a calendar alternative) are the plain text's alternatives, not files.
     */
    void filesOf(Entity entity, int depth) {
      if (depth > MAX_DEPTH) {
        tooDeep();
        return;
      }
      if (entity.getBody() instanceof Multipart multipart) {
        multipart.getBodyParts().forEach(p -> filesOf(p, depth + 1));
      } else if (isFile(entity)) {
        entity(entity, false, depth);
      }
    }

    /** A part's text without recording problems (only to see whether it is empty). */
    private String decodeQuietly(SingleBody body, String declared) {
      List<String> kept = new ArrayList<>(problems);
      String text = decode(body, declared);
      problems.clear();
      problems.addAll(kept);
      return text;
    }

    private long size(SingleBody body) {
      try (InputStream in = body.getInputStream()) {
        return in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException e) {
        problems.add("part-unreadable");
        return 0;
      }
    }

    private void tooDeep() {
      if (!problems.contains("nesting-too-deep")) {
        problems.add("nesting-too-deep");
      }
    }

    private long attachedSize(Message attached) {
      try {
        CountingOutput counted = new CountingOutput();
        new org.apache.james.mime4j.message.DefaultMessageWriter().writeMessage(attached, counted);
        return counted.count;
      } catch (IOException | RuntimeException e) {
        problems.add("attached-message-unreadable");
        return 0;
      }
    }

    private String decode(SingleBody body, String declared) {
      byte[] bytes;
      try (InputStream in = body.getInputStream()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        problems.add("text-unreadable");
        return "";
      }
      Optional<Charset> charset = charset(declared);
      if (charset.isEmpty()) {
        problems.add("charset-unknown: " + declared);
        return text(bytes);
      }
      Charset cs = charset.get();
      if (cs.equals(StandardCharsets.US_ASCII) || cs.equals(StandardCharsets.UTF_8)) {
        return text(bytes); // undeclared 8-bit text and broken UTF-8 are read as Windows-1252
      }
      if (cs.equals(StandardCharsets.ISO_8859_1)) {
        return new String(bytes, WINDOWS_1252); // as mail clients read it (windows1252Controls)
      }
      return new String(bytes, cs);
    }

    private static Optional<Charset> charset(String declared) {
      if (declared == null || declared.isBlank()) {
        return Optional.of(StandardCharsets.US_ASCII);
      }
      String name = declared.strip().replaceAll("^[\"']|[\"']$", "");
      try {
        return Optional.of(Charset.forName(name.equalsIgnoreCase("utf8") ? "UTF-8" : name));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  /** Whether parts or messages nest in {@code entity} more than {@code levels} deep: counted without recursion. */
  static boolean nestsDeeperThan(Entity entity, int levels) {
    java.util.Deque<Map.Entry<Entity, Integer>> open = new java.util.ArrayDeque<>();
    open.push(Map.entry(entity, 0));
    while (!open.isEmpty()) {
      Map.Entry<Entity, Integer> next = open.pop();
      if (next.getValue() > levels) {
        return true;
      }
      Body body = next.getKey().getBody();
      if (body instanceof Multipart multipart) {
        multipart.getBodyParts().forEach(part -> open.push(Map.entry(part, next.getValue() + 1)));
      } else if (body instanceof Message inner) {
        open.push(Map.entry(inner, next.getValue() + 1));
      }
    }
    return false;
  }

  /**
   * Counts what is written and keeps none of it: an attached message's size is taken by writing it out
   * once into this, and its bytes only when the file is read ({@link #written}), so a large forwarded
   * mail is not held in memory twice.
   */
  private static final class CountingOutput extends java.io.OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** An attached message as mime4j writes it out again (its parts as parsed, not the sender's exact bytes). */
  private static byte[] written(Message attached) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new org.apache.james.mime4j.message.DefaultMessageWriter().writeMessage(attached, out);
    return out.toByteArray();
  }

  /** {@code .png} for {@code image/png}: the first extension of the kind a declared type names, or none. */
  private static String extension(String type) {
    return AttachmentKind.ofContentType(type).map(kind -> "." + kind.extensions().getFirst()).orElse("");
  }

  private static boolean isFile(Entity entity) {
    return "attachment".equalsIgnoreCase(String.valueOf(entity.getDispositionType())) || declaredName(entity).isPresent();
  }

  /**
   * The name the sender gave a part: the Content-Disposition's {@code filename}, or else the Content-Type's {@code name},
   * the older way that scanners, Lotus Notes and some webmail still name a file without a Content-Disposition.
   */
  private static Optional<String> declaredName(Entity entity) {
    return Optional.ofNullable(entity.getFilename()).filter(n -> !n.isBlank())
        .or(() -> Optional.ofNullable(entity.getHeader()).map(h -> h.getField(FieldName.CONTENT_TYPE))
            .filter(ContentTypeField.class::isInstance).map(f -> typeName((ContentTypeField) f)).filter(n -> !n.isBlank()));
  }

  /** For a {@code format=flowed} plain text, whether its wrapping spaces are deleted ({@code delsp=yes}); empty for other text. */
  private static Optional<Boolean> flowed(Entity entity) {
    return Optional.ofNullable(entity.getHeader()).map(h -> h.getField(FieldName.CONTENT_TYPE)).filter(ContentTypeField.class::isInstance)
        .map(ContentTypeField.class::cast).filter(f -> "text/plain".equalsIgnoreCase(f.getMimeType()))
        .filter(f -> "flowed".equalsIgnoreCase(String.valueOf(f.getParameter("format")).strip()))
        .map(f -> "yes".equalsIgnoreCase(String.valueOf(f.getParameter("delsp")).strip()));
  }

  /** The Content-Type's {@code name}, plain or in RFC 2231's encoded and continued form ({@code name*=}, {@code name*0*=}). */
  private static String typeName(ContentTypeField field) {
    MimeParameterMapping mapping = new MimeParameterMapping();
    field.getParameters().forEach(mapping::addParameter);
    return mapping.get("name");
  }

  private static String mimeType(Entity entity) {
    String type = entity.getMimeType();
    return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
  }

  /**
   * The part's file name, decoded and without the folders some clients send with it ({@code C:\Users\gerda\rapport.pdf}:
   * Lotus Notes, old Outlook), or empty when it has none (the caller makes one up: unnamed parts are counted).
   */
  private static Optional<String> name(Entity entity) {
    return declaredName(entity).map(name -> windows1252Controls(DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT)))
        .map(Mime4jMailParser::baseName).filter(decoded -> !decoded.isEmpty());
  }

  /** A file name without the folders some clients send with it, its control characters made {@code _}. */
  static String baseName(String name) {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "_").strip();
  }
}
