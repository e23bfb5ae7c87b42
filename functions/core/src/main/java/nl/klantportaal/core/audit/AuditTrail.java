package nl.klantportaal.core.audit;

import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** Reading the audit trail of every context: keyed, newest first, cursor-paged. */
public interface AuditTrail {

  /** The entries about one object. */
  Page<AuditRecord> ofObject(AuditObject object, PageRequest page);

  /** The entries one user (or {@code system}) wrote. */
  Page<AuditRecord> byActor(String actorId, PageRequest page);
}
