package nl.klantportaal.billing.port;

import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/** Billing mail (hours, subscriptions) to a customer's admins, through the portal's outbox (once per event key and recipient). */
public interface HourMailbox {

  /** Who receives hour mail: a customer admin who wants the {@code hourBundles} mails. */
  record Recipient(UserId id, String email, String name, Language language) {}

  record Mail(String subject, String text, String html) {}

  /** Which of a user's mail preferences a billing mail falls under. */
  enum Topic { HOURS, SUBSCRIPTIONS }

  /** The customer admins who want mail of {@code topic} (the account page's preferences). */
  java.util.List<Recipient> recipients(TenantId tenant, Topic topic);

  /** Sends once per {@code eventKey} and recipient; false when it was sent (or claimed) before. */
  boolean send(String eventKey, TenantId tenant, Recipient to, Mail mail);
}
