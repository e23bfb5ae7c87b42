package nl.klantportaal.inboundmail.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A received message as the portal reads it: headers decoded (encoded words, unfolded), the text it
 * says (the plain part, or the HTML part turned into text), the attachments it carries, and whether it
 * is a delivery report. Parsing is best effort: what could not be decoded is named in {@code problems},
 * never thrown.
 *
 * <p>A delivery report also gives its {@code message/delivery-status} text ({@code deliveryStatus}, empty
 * otherwise) and the Message-IDs of the message it returns ({@code returnedMessageIds}: from its
 * {@code text/rfc822-headers} or {@code message/rfc822} part), so a bounce of our own mail can be told apart.
 *
 * <p>What the sender sent that could not be read at all ({@code unread}: an Outlook {@code winmail.dat} that is not
 * valid TNEF, a text that was only in it as unreadable RTF) is named, so the ticket says so instead of dropping it.
 *
 * @param headers lower-case header name → its values in order of appearance
 */
public record ParsedMail(Optional<String> messageId, Optional<String> from, String subject, Map<String, List<String>> headers,
    String text, boolean htmlOnly, List<AttachedFile> attachments, List<String> inReplyTo, List<String> references,
    boolean deliveryReport, List<String> problems, String deliveryStatus, List<String> returnedMessageIds, List<Unread> unread) {

  /** A message with nothing unreadable in it. */
  public ParsedMail(Optional<String> messageId, Optional<String> from, String subject, Map<String, List<String>> headers,
      String text, boolean htmlOnly, List<AttachedFile> attachments, List<String> inReplyTo, List<String> references,
      boolean deliveryReport, List<String> problems, String deliveryStatus, List<String> returnedMessageIds) {
    this(messageId, from, subject, headers, text, htmlOnly, attachments, inReplyTo, references, deliveryReport, problems,
        deliveryStatus, returnedMessageIds, List.of());
  }

  /** A message that returns none of ours: no delivery status, no returned message's id. */
  public ParsedMail(Optional<String> messageId, Optional<String> from, String subject, Map<String, List<String>> headers,
      String text, boolean htmlOnly, List<AttachedFile> attachments, List<String> inReplyTo, List<String> references,
      boolean deliveryReport, List<String> problems) {
    this(messageId, from, subject, headers, text, htmlOnly, attachments, inReplyTo, references, deliveryReport, problems, "",
        List.of());
  }

  public ParsedMail {
    returnedMessageIds = List.copyOf(returnedMessageIds);
    unread = List.copyOf(unread);
    from = from.map(a -> a.strip().toLowerCase(Locale.ROOT));
    headers = Map.copyOf(headers);
    attachments = List.copyOf(attachments);
    inReplyTo = List.copyOf(inReplyTo);
    references = List.copyOf(references);
    problems = List.copyOf(problems);
  }

  /**
   * A file the message carries: its name (or a made-up one), its media type, its decoded size, whether
   * it is shown in the text (an inline image) rather than attached, and its decoded bytes.
   */
  public record AttachedFile(String fileName, String contentType, long size, boolean inline, Content content) {

    /** The first {@code max} bytes (fewer when the file is shorter). */
    public byte[] head(int max) {
      try (InputStream in = content.open()) {
        return in.readNBytes(max);
      } catch (IOException e) {
        throw new UncheckedIOException("Attachment " + fileName + " unreadable", e);
      }
    }

    /** All of the file: a copy, so only for a file about to be stored, one at a time. */
    public byte[] bytes() {
      try (InputStream in = content.open()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Attachment " + fileName + " unreadable", e);
      }
    }
  }

  /**
   * A part of the mail that could not be read, by the name, type and size the sender's client gave it, and why: it is
   * not a file of the ticket, and the ticket's text names it.
   */
  public record Unread(String fileName, String contentType, long size, Why why) {

    public enum Why {
      /** An Outlook {@code winmail.dat} (TNEF) that is not valid TNEF: the files and text in it cannot be taken out. */
      TNEF_UNREADABLE,
      /**
       * The mail's text was only in its {@code winmail.dat}, in a form that could not be turned into text (RTF the
       * reader failed on, or that is too large to read).
       */
      TNEF_TEXT_UNREADABLE,
      /**
       * An attachment inside a {@code winmail.dat} that is no file: an Outlook item (a mail, an appointment or a
       * contact dragged onto the message, which TNEF carries as MAPI properties) or a link to a file elsewhere.
       */
      TNEF_NOT_A_FILE
    }
  }

  /**
   * A file's decoded bytes, read when asked for. The parsed message holds every part decoded already
   * (a SES mail is at most 40 MB), so handing each file's bytes over as a copy would hold them twice;
   * read like this, a file is copied only when it is checked (its head) or stored, one at a time.
   */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;

    static Content of(byte[] bytes) {
      return () -> new ByteArrayInputStream(bytes);
    }
  }

  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  public Optional<String> firstHeader(String name) {
    return header(name).stream().findFirst().map(String::strip);
  }

  /** The domain of the From address, lower case, or empty when there is no usable From. */
  public Optional<String> fromDomain() {
    return from.filter(a -> a.indexOf('@') > 0).map(a -> a.substring(a.lastIndexOf('@') + 1));
  }

  /** The local part of the From address, lower case. */
  public Optional<String> fromLocalPart() {
    return from.filter(a -> a.indexOf('@') > 0).map(a -> a.substring(0, a.lastIndexOf('@')));
  }
}
