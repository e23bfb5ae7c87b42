package nl.klantportaal.core.audit;

import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/**
 * The audit trail of every context: read keyed, newest first, cursor-paged. A change writes its entry
 * in its own transaction (each context's adapter, through core-aws {@code AuditItems}); {@link #record}
 * is for actions that change nothing else (an export of personal data).
 */
public interface AuditTrail {

  /** Appends an entry on its own (append-only: an entry is never overwritten). */
  void record(AuditRecord entry);

  /** The entries about one object. */
  Page<AuditRecord> ofObject(AuditObject object, PageRequest page);

  /** The entries one user (or {@code system}) wrote. */
  Page<AuditRecord> byActor(String actorId, PageRequest page);
}
