package nl.klantportaal.ticketing.domain;

import java.time.Duration;
import java.time.Instant;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.UserId;

/**
 * A file someone announced for a ticket and may now upload into quarantine: what they declared
 * (sanitised name, kind, exact size) and until when the announcement holds. Only the uploader, or
 * provider staff, may confirm it; the confirmed attachment keeps the upload's id.
 */
public record PendingUpload(String id, TicketRef ticket, String fileName, AttachmentKind kind, long size,
    UserId uploadedBy, String uploadedByName, Instant createdAt, Instant expiresAt) {

  /** Largest attachment: 25 MiB. */
  public static final long MAX_SIZE = 25L * 1024 * 1024;
  /** How long an announced upload may be confirmed (the item's TTL; the bucket forgets quarantine after a day too). */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Upload and attachment ids are lower-case UUIDs; anything else names nothing (404). */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public PendingUpload {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("An attachment has 1.." + MAX_SIZE + " bytes");
    }
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The uploader, or provider staff; anyone else must not learn the upload exists. */
  public boolean confirmableBy(Caller caller) {
    return caller.role().isProviderStaff() || uploadedBy.equals(caller.userId());
  }

  public TicketAttachment confirmed(Instant at) {
    return new TicketAttachment(id, ticket, fileName, kind, size, uploadedBy, uploadedByName, at);
  }
}
