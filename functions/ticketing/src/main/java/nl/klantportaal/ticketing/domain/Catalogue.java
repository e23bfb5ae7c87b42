package nl.klantportaal.ticketing.domain;

import java.util.List;
import java.util.Optional;

/** The categories and request types customers choose from. */
public record Catalogue(List<Category> categories, List<RequestType> requestTypes) {
  public Catalogue {
    categories = List.copyOf(categories);
    requestTypes = List.copyOf(requestTypes);
  }

  public Optional<Category> activeCategory(String id) {
    return categories.stream().filter(c -> c.active() && c.id().equals(id)).findFirst();
  }

  public Optional<RequestType> activeRequestType(String id) {
    return requestTypes.stream().filter(r -> r.active() && r.id().equals(id)).findFirst();
  }
}
