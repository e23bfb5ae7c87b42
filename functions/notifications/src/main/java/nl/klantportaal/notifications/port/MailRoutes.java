package nl.klantportaal.notifications.port;

import nl.klantportaal.core.audit.AuditRecord;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.notifications.domain.MailRoute;

/** The provider-managed routing table, {@code PK = MAILROUTE}, {@code SK = <domain>} (pattern 25). */
public interface MailRoutes {

  Optional<MailRoute> find(String domain);

  Page<MailRoute> list(PageRequest page);

  /**
   * Every route, the same keyed Query read to its end without a cursor (so no cursor key is needed:
   * for functions that read them all, such as the inbound function's own sender addresses).
   */
  List<MailRoute> all();

  /** Creates or replaces a route, with its audit entry (by {@code updatedBy}, at {@code updatedAt}) in one transaction. */
  void put(MailRoute route);

  /** Removes a domain's route with {@code audit} in one transaction; false (and nothing written) if there was none. */
  boolean delete(String domain, AuditRecord audit);
}
