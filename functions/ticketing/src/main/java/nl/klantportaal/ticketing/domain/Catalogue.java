package nl.klantportaal.ticketing.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The categories and request types customers choose from, each with the version its edits are conditional on
 * (0: never stored, the shipped entry is in force, or stored before entries had versions).
 */
public record Catalogue(List<Category> categories, List<RequestType> requestTypes, Map<String, Long> categoryVersions,
    Map<String, Long> requestTypeVersions) {
  public Catalogue {
    categories = List.copyOf(categories);
    requestTypes = List.copyOf(requestTypes);
    categoryVersions = Map.copyOf(categoryVersions);
    requestTypeVersions = Map.copyOf(requestTypeVersions);
  }

  /** A catalogue of which nothing was stored: every entry at version 0. */
  public Catalogue(List<Category> categories, List<RequestType> requestTypes) {
    this(categories, requestTypes, Map.of(), Map.of());
  }

  public Optional<Category> activeCategory(String id) {
    return categories.stream().filter(c -> c.active() && c.id().equals(id)).findFirst();
  }

  public Optional<RequestType> activeRequestType(String id) {
    return requestTypes.stream().filter(r -> r.active() && r.id().equals(id)).findFirst();
  }

  /** The stored version of a category; 0 when none is stored (or it was stored before entries had versions). */
  public long categoryVersion(String id) {
    return categoryVersions.getOrDefault(id, 0L);
  }

  /** The stored version of a request type; 0 as for {@link #categoryVersion}. */
  public long requestTypeVersion(String id) {
    return requestTypeVersions.getOrDefault(id, 0L);
  }
}
