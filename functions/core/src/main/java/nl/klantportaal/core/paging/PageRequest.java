package nl.klantportaal.core.paging;

import java.util.Optional;

/** Where a page starts (the cursor a previous page gave) and how many items it may hold. */
public record PageRequest(Optional<String> cursor, int limit) {
  public PageRequest {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1..100");
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }
}
