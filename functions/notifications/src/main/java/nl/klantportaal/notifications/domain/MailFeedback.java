package nl.klantportaal.notifications.domain;

import java.util.List;

/**
 * What SES reports about a mail it sent (event publishing of the configuration set: bounce and
 * complaint events through SNS): a permanent bounce or a complaint per recipient. A transient bounce
 * (mailbox full, a server busy) is SES's to retry and marks nothing.
 */
public record MailFeedback(Kind kind, boolean permanent, List<Recipient> recipients) {
  public MailFeedback {
    recipients = List.copyOf(recipients);
  }

  public enum Kind { BOUNCE, COMPLAINT }

  public record Recipient(String address, String detail) {}

  /** The failing addresses this feedback makes; none for a transient bounce. */
  public List<FailingAddress> failing(java.time.Instant at) {
    if (kind == Kind.BOUNCE && !permanent) {
      return List.of();
    }
    FailingAddress.Reason reason = kind == Kind.BOUNCE ? FailingAddress.Reason.PERMANENT_BOUNCE : FailingAddress.Reason.COMPLAINT;
    return recipients.stream().filter(r -> r.address().contains("@"))
        .map(r -> new FailingAddress(r.address(), reason, r.detail(), at)).toList();
  }
}
