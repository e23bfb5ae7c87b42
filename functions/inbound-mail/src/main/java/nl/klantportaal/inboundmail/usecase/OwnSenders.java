package nl.klantportaal.inboundmail.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import nl.klantportaal.inboundmail.domain.MachineMail;
import nl.klantportaal.notifications.port.MailRoutes;

/**
 * What tells our own mail now: the portal's sending address (SENDER_ADDRESS), the sender address of
 * every mail route (notifications' routing table, pattern 25: the keyed Query {@code PK = MAILROUTE}
 * read to its end, {@code MailRoutes.all()}; never a Scan, and no cursor, so no cursor key: the
 * function has no Secrets Manager access) and the Message-ID domain. The routes are read at the first mail and
 * then at most once per {@link #MAX_AGE} per container (one instance lives as long as the handler): a
 * route a provider admin adds or changes counts as own in a warm container at most a minute
 * later, and a removed route's sender stays own that long. A failing read throws (Lambda retries the
 * mail); it is not cached.
 */
public final class OwnSenders {
  /** How long a container trusts the routes it read (docs/inbound-mail.md, "Machine mail"). */
  public static final Duration MAX_AGE = Duration.ofSeconds(60);

  private final Set<String> fixed;
  private final String messageIdDomain;
  private final MailRoutes routes;
  private final Clock clock;
  private MachineMail.OwnMail current;
  private Instant readAt;

  public OwnSenders(Set<String> fixed, String messageIdDomain, MailRoutes routes, Clock clock) {
    this.fixed = Set.copyOf(fixed);
    this.messageIdDomain = messageIdDomain;
    this.routes = routes;
    this.clock = clock;
  }

  /** The domain of the portal's Message-IDs (no read). */
  public String messageIdDomain() {
    return messageIdDomain;
  }

  /** The fixed addresses and the routes' senders, read again when the last read is {@code maxAge} old. */
  public synchronized MachineMail.OwnMail current() {
    Instant now = clock.instant();
    if (current == null || !now.isBefore(readAt.plus(MAX_AGE))) {
      Set<String> addresses = new HashSet<>(fixed);
      routes.all().forEach(route -> addresses.add(bare(route.senderAddress())));
      current = new MachineMail.OwnMail(addresses, messageIdDomain);
      readAt = now;
    }
    return current;
  }

  /** {@code Name <a@b>} → {@code a@b}. */
  static String bare(String address) {
    return address.replaceAll("^.*<|>\\s*$", "").strip();
  }
}
