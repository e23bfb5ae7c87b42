package nl.klantportaal.ticketing.domain;

import java.util.Optional;

/**
 * The portal's rules for a file, for a file that arrives whole instead of through the presigned upload
 * (a mail's attachment): the same rules {@code RequestAttachmentUpload} applies at the announcement and
 * {@code ConfirmAttachmentUpload} at the confirm, built from the same parts — the kind the declared
 * content type names ({@link AttachmentKind#ofContentType}), the sanitised name's extension belonging
 * to that kind, 1 byte to {@link PendingUpload#MAX_SIZE}, and the first bytes being that kind
 * ({@link AttachmentKind#matches}). The one difference: a name longer than the API accepts is cut by the
 * sanitiser instead of refused, because a mail's sender cannot be asked to send it again under a shorter
 * name.
 */
public final class AttachmentCheck {

  private AttachmentCheck() {}

  /** Why a file is not taken onto the ticket; each is told to the people on the ticket by name. */
  public enum Refusal {
    /** The declared content type is not on the allow-list (an executable, HTML, an unknown type). */
    TYPE_NOT_ALLOWED,
    /** The name's extension does not belong to the declared type ({@code scan.exe} as {@code application/pdf}). */
    EXTENSION_MISMATCH,
    /** No bytes. */
    EMPTY,
    /** More than {@link PendingUpload#MAX_SIZE} bytes. */
    TOO_LARGE,
    /** The first bytes are not the declared kind (an {@code MZ} header in {@code scan.pdf}). */
    CONTENT_MISMATCH
  }

  /** The verdict on one file, with its sanitised name either way (a refused file is listed by it). */
  public sealed interface Result {
    String fileName();

    record Accepted(String fileName, AttachmentKind kind) implements Result {}

    record Refused(String fileName, Refusal reason) implements Result {}
  }

  /**
   * Checks a file. {@code head} is its start ({@link AttachmentKind#SAMPLE_BYTES} or all of it when
   * shorter); it is only looked at when everything else holds, so a caller may pass an empty head for a
   * file it already knows to be too large or empty.
   */
  public static Result check(String name, String declaredType, long size, byte[] head) {
    String fileName = FileNames.sanitise(name);
    Optional<AttachmentKind> kind = AttachmentKind.ofContentType(declaredType);
    if (kind.isEmpty()) {
      return new Result.Refused(fileName, Refusal.TYPE_NOT_ALLOWED);
    }
    if (FileNames.extension(fileName).filter(kind.get()::acceptsExtension).isEmpty()) {
      return new Result.Refused(fileName, Refusal.EXTENSION_MISMATCH);
    }
    if (size < 1) {
      return new Result.Refused(fileName, Refusal.EMPTY);
    }
    if (size > PendingUpload.MAX_SIZE) {
      return new Result.Refused(fileName, Refusal.TOO_LARGE);
    }
    if (!kind.get().matches(head, size <= head.length)) {
      return new Result.Refused(fileName, Refusal.CONTENT_MISMATCH);
    }
    return new Result.Accepted(fileName, kind.get());
  }
}
