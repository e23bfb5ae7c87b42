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

  /** Puts a category with its audit entry in one transaction. */
  void save(Category category, AuditRecord audit);

  /** Puts a request type with its audit entry in one transaction. */
  void save(RequestType requestType, AuditRecord audit);
}
