package nl.klantportaal.billing.port;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.notifications.domain.ParagraphMail;

/**
 * Invoice mail through the portal's outbox, from the administrative sender: claimed once per event key
 * and recipient, then sent and retried like all mail.
 */
public interface InvoiceMailbox {

  /** Who receives an invoice: the customer's billing contacts, or its admins when it named none. */
  List<Recipient> billingContacts(TenantId tenant, List<String> billingEmails, Language customerLanguage);

  /** The customer's admins (a failed collection, a reminder), whatever their mail preferences: these are about money owed. */
  List<Recipient> admins(TenantId tenant);

  /** A recipient: {@code id} is the account (or the address, for a billing contact without one). */
  record Recipient(String id, String email, String name, Language language) {}

  record Attachment(String fileName, byte[] pdf) {}

  /** Sends once per {@code eventKey} and recipient; false when it was sent (or claimed) before. */
  boolean send(String eventKey, TenantId tenant, Recipient to, ParagraphMail mail, Optional<Attachment> attachment);
}
