package nl.klantportaal.notifications.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * Mail to recipients of {@code domain} goes out through another SES configuration set and sender
 * (the seed's second e-mail provider for customers whose mail servers refuse the first). Managed by
 * provider admins; one route per domain. {@code version} is one more with every save (0: a route stored before routes
 * had versions); a change is made on the version read.
 */
public record MailRoute(String domain, String configurationSet, String senderAddress, Instant updatedAt, String updatedBy,
    long version) {

  public MailRoute {
    domain = domain.toLowerCase(Locale.ROOT);
  }

  /** The domain part of an address, lower-cased ({@code Jan@Acme.example} → {@code acme.example}). */
  public static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0 || at == address.length() - 1) {
      throw new IllegalArgumentException("Not an e-mail address");
    }
    return address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
  }
}
