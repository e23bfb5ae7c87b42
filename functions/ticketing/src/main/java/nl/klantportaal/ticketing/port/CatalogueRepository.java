package nl.klantportaal.ticketing.port;

import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.RequestType;

/** The provider's categories and request types: the shipped ones, replaced or extended by stored ones. */
public interface CatalogueRepository {
  Catalogue load();

  /**
   * A catalogue for which {@code knows} holds, if the stored one does: a cached catalogue
   * ({@code CachedCatalogue}) answers from its copy when that copy knows, and reads afresh when it does
   * not, so a category or request type staff just added is never refused.
   */
  default Catalogue loadKnowing(java.util.function.Predicate<Catalogue> knows) {
    return load();
  }

  /** Whether a save may replace a stored entry (an edit) or only add one (a new entry: PUT with If-None-Match: *). */
  enum Mode { REPLACE, CREATE }

  /** Puts a category with its audit entry in one transaction. */
  default void save(Category category, AuditRecord audit) {
    save(category, audit, Mode.REPLACE);
  }

  /** Puts a request type with its audit entry in one transaction. */
  default void save(RequestType requestType, AuditRecord audit) {
    save(requestType, audit, Mode.REPLACE);
  }

  /** Puts a category with its audit entry in one transaction; false (nothing written) when CREATE finds one stored. */
  boolean save(Category category, AuditRecord audit, Mode mode);

  /** Puts a request type with its audit entry in one transaction; false (nothing written) when CREATE finds one stored. */
  boolean save(RequestType requestType, AuditRecord audit, Mode mode);
}
