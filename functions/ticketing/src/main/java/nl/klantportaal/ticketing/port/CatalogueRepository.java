package nl.klantportaal.ticketing.port;

import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.RequestType;

/** The provider's categories and request types: the shipped ones, replaced or extended by stored ones. */
public interface CatalogueRepository {
  Catalogue load();

  void save(Category category);

  void save(RequestType requestType);
}
