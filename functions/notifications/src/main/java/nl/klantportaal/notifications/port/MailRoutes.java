package nl.klantportaal.notifications.port;

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

  void put(MailRoute route);

  /** False if there was no route for the domain. */
  boolean delete(String domain);
}
