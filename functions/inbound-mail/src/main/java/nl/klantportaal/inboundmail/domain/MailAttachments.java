package nl.klantportaal.inboundmail.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import nl.klantportaal.ticketing.domain.AttachmentCheck;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;

/**
 * What becomes of a mail's files (attachments and inline images alike) on the ticket it makes or
 * replies to. Each is held to the portal's attachment rules ({@link AttachmentCheck}: declared type,
 * name and first bytes agreeing, 1 byte to 25 MiB) before the ticket or reply is written, so the
 * refused ones can be listed in its text by name with the reason — never dropped silently. The accepted
 * ones are stored after it, each under an id derived from the Message-ID and the file's place in the
 * mail: the same message delivered again names the same attachments and cannot add them twice.
 */
public record MailAttachments(List<Accepted> accepted, List<Refused> refused) {

  public MailAttachments {
    accepted = List.copyOf(accepted);
    refused = List.copyOf(refused);
  }

  /** A file that passed the check: its attachment id and its sanitised name. */
  public record Accepted(String id, ParsedMail.AttachedFile file, String fileName) {}

  /** A file that is not taken over, with its sanitised name and why. */
  public record Refused(ParsedMail.AttachedFile file, String fileName, AttachmentCheck.Refusal reason) {}

  /**
   * Checks every file of a message. Only the first {@link AttachmentKind#SAMPLE_BYTES} of a file are
   * read here, and none of a file that is empty or too large anyway.
   */
  public static MailAttachments check(String messageId, List<ParsedMail.AttachedFile> files) {
    List<Accepted> accepted = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (int index = 0; index < files.size(); index++) {
      ParsedMail.AttachedFile file = files.get(index);
      byte[] head = file.size() >= 1 && file.size() <= PendingUpload.MAX_SIZE ? file.head(AttachmentKind.SAMPLE_BYTES) : new byte[0];
      switch (AttachmentCheck.check(file.fileName(), file.contentType(), file.size(), head)) {
        case AttachmentCheck.Result.Accepted ok -> accepted.add(new Accepted(id(messageId, index), file, ok.fileName()));
        case AttachmentCheck.Result.Refused no -> refused.add(new Refused(file, no.fileName(), no.reason()));
      }
    }
    return new MailAttachments(accepted, refused);
  }

  /**
   * The attachment id of the {@code index}-th file of a message: a UUID (the form attachment ids have
   * in the routes) made of the SHA-256 of the Message-ID's hash (the ledger's key) and the index, with
   * the version bits of a custom (version 8) UUID.
   */
  static String id(String messageId, int index) {
    byte[] digest = sha256(sha256Hex(messageId) + "#" + index);
    digest[6] = (byte) ((digest[6] & 0x0F) | 0x80);
    digest[8] = (byte) ((digest[8] & 0x3F) | 0x80);
    ByteBuffer bits = ByteBuffer.wrap(digest, 0, 16);
    return new UUID(bits.getLong(), bits.getLong()).toString();
  }

  private static String sha256Hex(String value) {
    return HexFormat.of().formatHex(sha256(value));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
