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

  /**
   * What a put needs to go through: REPLACE that the stored route is still at the version read, {@code route.version() - 1}
   * (0: no route stored, or one stored before routes had versions); CREATE (If-None-Match: *) that no route at all is
   * stored for the domain.
   */
  enum Mode { REPLACE, CREATE }

  /**
   * Stores a route at its {@code version} with its audit entry (by {@code updatedBy}, at {@code updatedAt}) in one
   * transaction if {@code mode}'s condition holds; false, and nothing written (no audit entry either), if not.
   */
  boolean put(MailRoute route, Mode mode);

  /**
   * Removes a domain's route with {@code audit} in one transaction if it is still at {@code readVersion} (0: a route
   * stored before routes had versions); false, and nothing written, if there is none or it is at another version.
   */
  boolean delete(String domain, long readVersion, AuditRecord audit);
}
