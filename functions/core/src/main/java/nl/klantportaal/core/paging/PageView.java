package nl.klantportaal.core.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A page as the API answers it: {@code items} and, when there is more, {@code nextCursor}. */
public record PageView<T>(List<T> items, Optional<String> nextCursor) {
  public static <D, T> PageView<T> of(Page<D> page, Function<D, T> view) {
    return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
  }
}
