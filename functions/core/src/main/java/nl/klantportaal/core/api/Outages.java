package nl.klantportaal.core.api;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link OutageClassifier}s on the class path, loaded at the first failure that asks. */
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
