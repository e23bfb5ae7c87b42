package nl.klantportaal.notifications.port;

import nl.klantportaal.core.audit.AuditRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.notifications.domain.FailingAddress;

/** The addresses mail no longer goes to (docs/data-model.md pattern 28a), marked by bounces, cleared by staff. */
public interface FailingAddresses {
  Optional<FailingAddress> find(String address);

  /** The failing ones among {@code addresses}, by address as given (one read for a firing's several mails). */
  default Map<String, FailingAddress> findAll(Collection<String> addresses) {
    Map<String, FailingAddress> found = new HashMap<>();
    addresses.forEach(address -> find(address).ifPresent(failing -> found.put(address, failing)));
    return found;
  }

  /** Marks (or marks again, with the latest reason) the address as failing. */
  void mark(FailingAddress failing);

  /** Clears the address with this id, with {@code audit} in one transaction; false (nothing written) when it was not marked. */
  boolean clear(String id, AuditRecord audit);

  /** Every failing address, the most recently marked first. */
  Page<FailingAddress> list(PageRequest page);
}
