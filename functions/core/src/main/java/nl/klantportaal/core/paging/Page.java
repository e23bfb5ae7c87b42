package nl.klantportaal.core.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyed query and the opaque cursor of the next page, if there is one. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
