package nl.klantportaal.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.core.claims.TenantId;

/**
 * Message-IDs that encode the ticket, so a reply can be threaded by its {@code In-Reply-To} alone:
 * every mail of ticket {@code n} of tenant {@code t} is {@code <t.<t>.<n>.<outbox id>@<domain>>} and
 * refers ({@code In-Reply-To}, {@code References}) to the ticket's stable root
 * {@code <t.<t>.<n>@<domain>>}, which mail clients use to group the thread.
 */
public final class MailThreading {
  private static final Pattern ID = Pattern.compile("<t\\.([a-z0-9][a-z0-9-]{1,39})\\.(\\d{1,12})(?:\\.[0-9a-f]{64})?@[^>]+>");

  private MailThreading() {}

  public static String messageId(TenantId tenant, long number, String outboxId, String domain) {
    return "<t." + tenant.value() + "." + number + "." + outboxId + "@" + domain + ">";
  }

  public static String rootId(TenantId tenant, long number, String domain) {
    return "<t." + tenant.value() + "." + number + "@" + domain + ">";
  }

  /** The ticket a Message-ID of ours names (inbound mail reads In-Reply-To with this). */
  public static Optional<TicketKey> ticketOf(String messageId) {
    Matcher m = ID.matcher(messageId.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new TicketKey(new TenantId(m.group(1)), Long.parseLong(m.group(2))));
  }

  public record TicketKey(TenantId tenant, long number) {}

  /** {@code sha256(stream event id + recipient + kind)}, hex: the outbox id (docs/data-model.md pattern 28). */
  public static String outboxId(String eventId, String recipientId, MailKind kind) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((eventId + "\n" + recipientId + "\n" + kind.name()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
