package nl.klantportaal.core.api;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Whether a failure is an outage: a {@link ServiceUnavailable} an adapter threw, or a failure one of the
 * {@link OutageClassifier}s on the class path recognises (loaded at the first failure that asks).
 */
final class Outages {
  /** How deep a failure's causes are followed (a cause chain with a cycle ends here too). */
  private static final int MAX_CAUSES = 10;

  private Outages() {}

  private static final class Loaded {
    static final List<OutageClassifier> CLASSIFIERS = ServiceLoader.load(OutageClassifier.class,
        OutageClassifier.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
  }

  /** The unavailable service, when {@code failure} or one of its causes is an outage. */
  static Optional<String> of(Throwable failure) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
      if (current instanceof ServiceUnavailable unavailable) {
        return Optional.of(unavailable.service());
      }
      for (OutageClassifier classifier : Loaded.CLASSIFIERS) {
        Optional<String> service = classifier.outageOf(current);
        if (service.isPresent()) {
          return service;
        }
      }
    }
    return Optional.empty();
  }
}
