package nl.klantportaal.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The typed settings of each context, read from the function's environment ({@link Config}) when the
 * function starts: a missing or malformed variable fails the init with a message that names it. Each
 * function reads only the settings of what it wires (a function without an app client never asks
 * for one).
 */
public final class ContextSettings {
  private ContextSettings() {}

  /** The user pool the identity functions change accounts in. */
  public record UserPool(String id) {
    public static UserPool from(Config config) {
      return new UserPool(config.require("USER_POOL_ID"));
    }
  }

  /** The app client of the /auth and /me security functions, with the secret only they hold. */
  public record AppClient(String id, String secret) {
    public static AppClient from(Config config) {
      return new AppClient(config.require("USER_POOL_CLIENT_ID"), config.require("USER_POOL_CLIENT_SECRET"));
    }
  }

  /**
   * Single sign-on through the user pool's Entra ID provider (docs/claims.md, "Single sign-on"), present only
   * where template.yaml's HasEntraSso holds: SSO_DOMAIN, the pool domain's base URL (its /oauth2/authorize and
   * /oauth2/token); SSO_IDENTITY_PROVIDER, the provider's name in the pool; SSO_REDIRECT_URI, the portal's one
   * callback URL (the app client's CallbackURLs). Without SSO_DOMAIN there is no SSO.
   */
  public record Sso(String domain, String identityProvider, String redirectUri) {
    public static Optional<Sso> from(Config config) {
      return config.get("SSO_DOMAIN").map(domain -> new Sso(domain.replaceAll("/+$", ""),
          config.require("SSO_IDENTITY_PROVIDER"), config.require("SSO_REDIRECT_URI")));
    }
  }

  /**
   * Outgoing mail: the default sender (SENDER_ADDRESS), the administrative sender (ADMIN_SENDER_ADDRESS,
   * optional), the optional SES configuration set, and the portal's origin that links in mail point at
   * (without a trailing slash). The seed has administrative mail (invoices, payment reminders) come from
   * the provider's own administration address rather than the ticket mail's; a deployment without one
   * sends that mail from the default sender as well ({@link #administrativeSenderAddress()}). REPLY_TO_ADDRESS
   * (optional): the support address every outgoing mail names as Reply-To, so a reply reaches the inbound
   * mail function (the sender addresses receive nothing).
   */
  public record Mail(String senderAddress, Optional<String> adminSenderAddress, Optional<String> configurationSet,
      String portalOrigin, Optional<String> replyToAddress) {
    public static Mail from(Config config) {
      return new Mail(config.require("SENDER_ADDRESS"), config.get("ADMIN_SENDER_ADDRESS"),
          config.get("MAIL_CONFIGURATION_SET"), config.require("PORTAL_ORIGIN").replaceAll("/+$", ""),
          config.get("REPLY_TO_ADDRESS"));
    }

    /** Where administrative mail comes from: ADMIN_SENDER_ADDRESS, or SENDER_ADDRESS when that is not set. */
    public String administrativeSenderAddress() {
      return adminSenderAddress.orElse(senderAddress);
    }
  }

  /** Tickets: after how many days a resolved ticket the customer left alone closes (default 7). */
  public record Tickets(Duration autoCloseAfter) {
    public static Tickets from(Config config) {
      return new Tickets(Duration.ofDays(config.parsed("AUTO_CLOSE_DAYS", Integer::parseInt, "a whole number of days")
          .orElse(7)));
    }
  }

  /** The bucket attachments live in (only the attachments function has it). */
  public record Attachments(String bucket) {
    public static Attachments from(Config config) {
      return new Attachments(config.require("ATTACHMENTS_BUCKET"));
    }
  }

  /**
   * The due-events scan: how far ahead of the clock a scheduled event's time may lie (an ISO-8601
   * duration), and the on-call address for critical tickets out of hours, if any.
   */
  public record DueScan(Optional<Duration> aheadLimit, Optional<String> onCallEmail) {
    public static DueScan from(Config config) {
      return new DueScan(config.parsed("SCAN_AHEAD_LIMIT", Duration::parse, "an ISO-8601 duration such as PT1M"),
          config.get("SLA_ON_CALL_EMAIL"));
    }
  }
}
