package nl.klantportaal.billing.port;

import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/** Mail about hours to a customer's people, through the portal's outbox (once per event key and recipient). */
public interface HourMailbox {

  /** Who receives hour mail: a customer admin who wants the {@code hourBundles} mails. */
  record Recipient(UserId id, String email, String name, Language language) {}

  record Mail(String subject, String text, String html) {}

  /** The customer admins who want hour mail. */
  java.util.List<Recipient> recipients(TenantId tenant);

  /** Sends once per {@code eventKey} and recipient; false when it was sent (or claimed) before. */
  boolean send(String eventKey, TenantId tenant, Recipient to, Mail mail);
}
