package nl.klantportaal.ticketing.usecase;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.shared.cache.Refreshing;
import nl.klantportaal.ticketing.domain.Catalogue;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.RequestType;
import nl.klantportaal.ticketing.port.CatalogueRepository;

/**
 * The catalogue as ticket writes check it (create, triage): read at most once per {@link #MAX_AGE} per
 * container, so a create does not query it every time. What a request names and the copy does not know
 * (a category or request type staff just added or brought back) is read afresh at once
 * ({@link #loadKnowing}); one staff just retired may still be taken for up to {@link #MAX_AGE} in another
 * container. The catalogue pages themselves read it fresh (CatalogueAdmin on the plain repository).
 */
public final class CachedCatalogue implements CatalogueRepository {
  public static final Duration MAX_AGE = Duration.ofSeconds(60);

  private final CatalogueRepository delegate;
  private final Refreshing<Catalogue> current;

  public CachedCatalogue(CatalogueRepository delegate, Clock clock) {
    this.delegate = delegate;
    this.current = new Refreshing<>(delegate::load, MAX_AGE, clock);
  }

  @Override
  public Catalogue load() {
    return current.get();
  }

  @Override
  public Catalogue loadKnowing(Predicate<Catalogue> knows) {
    Catalogue copy = current.get();
    if (knows.test(copy)) {
      return copy;
    }
    current.invalidate();
    return current.get();
  }

  @Override
  public boolean save(Category category, long readVersion, AuditRecord audit, Mode mode) {
    boolean saved = delegate.save(category, readVersion, audit, mode);
    current.invalidate();
    return saved;
  }

  @Override
  public boolean save(RequestType requestType, long readVersion, AuditRecord audit, Mode mode) {
    boolean saved = delegate.save(requestType, readVersion, audit, mode);
    current.invalidate();
    return saved;
  }
}
