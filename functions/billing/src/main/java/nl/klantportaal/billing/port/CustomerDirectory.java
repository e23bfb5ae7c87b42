package nl.klantportaal.billing.port;

import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;

/** The provider's customers as invoicing needs them: the name an invoice addresses and the language it is written in. */
public interface CustomerDirectory {
  record Entry(TenantId id, String name, Language language) {}

  Optional<Entry> find(TenantId customer);

  /** Every customer, a page at a time (the monthly drafts). */
  Page<Entry> list(PageRequest page);
}
