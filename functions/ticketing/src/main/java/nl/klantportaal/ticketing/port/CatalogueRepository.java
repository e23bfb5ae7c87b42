package nl.klantportaal.ticketing.port;

import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.RequestType;

/**
 * The provider's categories and request types: the shipped ones, replaced or extended by stored ones. Every stored
 * entry carries a version, one more with every save; {@link Catalogue} reads one never stored (or stored before entries
 * had versions) as 0.
 */
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

  /**
   * What a save needs to go through: REPLACE (an edit) that the stored version is still the one read (0: nothing
   * stored, or stored before entries had versions); CREATE (a new entry: PUT with If-None-Match: *) that nothing at all
   * is stored under the id.
   */
  enum Mode { REPLACE, CREATE }

  /**
   * Puts a category as version {@code readVersion + 1} with its audit entry in one transaction, if {@code mode}'s
   * condition holds (CREATE: {@code readVersion} is 0); false, and nothing written (no audit entry either), if not.
   */
  boolean save(Category category, long readVersion, AuditRecord audit, Mode mode);

  /** As {@link #save(Category, long, AuditRecord, Mode)}, for a request type. */
  boolean save(RequestType requestType, long readVersion, AuditRecord audit, Mode mode);
}
