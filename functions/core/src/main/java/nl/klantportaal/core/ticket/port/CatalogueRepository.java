package nl.klantportaal.core.ticket.port;

import nl.klantportaal.core.ticket.domain.Catalogue;
import nl.klantportaal.core.ticket.domain.Category;
import nl.klantportaal.core.ticket.domain.RequestType;

/** The provider's categories and request types: the shipped ones, replaced or extended by stored ones. */
public interface CatalogueRepository {
  Catalogue load();

  void save(Category category);

  void save(RequestType requestType);
}
