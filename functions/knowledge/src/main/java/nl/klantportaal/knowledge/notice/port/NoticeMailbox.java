package nl.klantportaal.knowledge.notice.port;

import java.util.List;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.knowledge.notice.domain.Affects;

/** Notice mail to the affected customers' admins, through the portal's outbox (once per event key and recipient). */
public interface NoticeMailbox {

  /** A customer admin who keeps the {@code notices} mail preference on. */
  record Recipient(UserId id, TenantId customer, String email, String name, Language language) {}

  record Mail(String subject, String text, String html) {}

  /** The admins of every customer {@code affects} names (every customer for all) who want notice mail. */
  List<Recipient> recipients(Affects affects);

  /** Sends once per {@code eventKey} and recipient; false when it was sent (or claimed) before. */
  boolean send(String eventKey, Recipient to, Mail mail);
}
