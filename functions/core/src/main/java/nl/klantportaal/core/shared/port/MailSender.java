package nl.klantportaal.core.shared.port;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sends one mail now (SES in AWS). Callers that must never send twice guard it with an outbox record. */
public interface MailSender {

  /** Sends from the portal's sender address and answers the provider's message id. */
  String send(OutgoingMail mail);

  /**
   * Sends a mail the caller threads itself: own Message-ID, {@code In-Reply-To}/{@code References}
   * to a thread root, a chosen sender and SES configuration set. Answers the provider's message id;
   * a refusal or an unreachable provider is a {@link SendFailure}.
   */
  String send(ThreadedMail mail);

  record OutgoingMail(List<String> to, String subject, String html, String text) {
    public OutgoingMail {
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("A mail needs a recipient");
      }
    }
  }

  /**
   * A threaded mail with its files: an invoice mail carries the invoice PDF. Without attachments it is
   * the plain text-and-HTML mail every ticket mail is (the constructor without them). {@code replyTo}:
   * where a reply goes (the support address, whose mail becomes a ticket or a reply), when not to the sender.
   */
  record ThreadedMail(String from, String to, Optional<String> configurationSet, String subject, String text, String html,
      String messageId, String threadRootId, List<Attachment> attachments, Optional<String> replyTo) {
    public ThreadedMail {
      if (from.isBlank() || to.isBlank() || messageId.isBlank() || threadRootId.isBlank()) {
        throw new IllegalArgumentException("A threaded mail needs a sender, a recipient and its ids");
      }
      attachments = List.copyOf(attachments);
      if (replyTo.filter(r -> r.isBlank() || r.chars().anyMatch(c -> c == '\r' || c == '\n')).isPresent()) {
        throw new IllegalArgumentException("A Reply-To address is one line");
      }
    }

    public ThreadedMail(String from, String to, Optional<String> configurationSet, String subject, String text, String html,
        String messageId, String threadRootId, List<Attachment> attachments) {
      this(from, to, configurationSet, subject, text, html, messageId, threadRootId, attachments, Optional.empty());
    }

    /** A mail without attachments (every ticket, SLA, hour and report mail). */
    public ThreadedMail(String from, String to, Optional<String> configurationSet, String subject, String text, String html,
        String messageId, String threadRootId) {
      this(from, to, configurationSet, subject, text, html, messageId, threadRootId, List.of());
    }
  }

  /**
   * One file sent with a mail. The name ends up in a MIME header and, on the recipient's side, as a
   * file name on disk, so it is 1 to 120 characters (code points) without control characters (CR/LF
   * would inject headers), path separators or unpaired surrogates, and not {@code .} or {@code ..};
   * the content type is a bare {@code type/subtype} (it goes into a header verbatim, so no parameters).
   * The content is at least one byte (an empty file is a rendering bug, not a mail) and at most
   * {@link #MAX_BYTES}: an invoice PDF is tens of kilobytes, and 1 MiB (about 1.4 MB in base64) keeps a
   * send far under SES's 10 MB message limit and a function's memory. The bytes are copied in and out,
   * so the record stays immutable; equality compares them.
   */
  record Attachment(String fileName, String contentType, byte[] content) {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_NAME_LENGTH = 120;
    private static final Pattern CONTENT_TYPE =
        Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    public Attachment {
      int length = fileName.codePointCount(0, fileName.length());
      if (length < 1 || length > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("An attachment's name has 1 to " + MAX_NAME_LENGTH + " characters");
      }
      if (fileName.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')
          || fileName.equals(".") || fileName.equals("..") || hasLoneSurrogate(fileName)) {
        throw new IllegalArgumentException("An attachment's name has no line breaks, control characters or path separators");
      }
      if (!CONTENT_TYPE.matcher(contentType).matches()) {
        throw new IllegalArgumentException("An attachment's content type is a bare type/subtype");
      }
      if (content.length == 0 || content.length > MAX_BYTES) {
        throw new IllegalArgumentException("An attachment has 1 byte to 1 MiB of content");
      }
      content = content.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
      return content.clone();
    }

    /** The number of bytes, without copying them. */
    public int size() {
      return content.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Attachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
          && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    /** Name, type and size; never the bytes (they would flood a log or an assertion message). */
    @Override
    public String toString() {
      return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }

    private static boolean hasLoneSurrogate(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The provider refused the mail or could not be reached; {@code reason} names the error, never an address. */
  final class SendFailure extends RuntimeException {
    private final String reason;

    public SendFailure(String reason, Throwable cause) {
      super(reason, cause);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
