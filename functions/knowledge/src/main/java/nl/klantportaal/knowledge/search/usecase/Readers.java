package nl.klantportaal.knowledge.search.usecase;

import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.knowledge.search.domain.ReaderScope;

/** The reader scope of a signed-in caller, from the verified claims only. */
public final class Readers {
  private Readers() {}

  public static ReaderScope of(Caller caller) {
    if (caller.role().isProviderStaff()) {
      return new ReaderScope.Staff();
    }
    if (caller.role().isCustomer()) {
      return new ReaderScope.OfCustomer(caller.requireTenant().value());
    }
    return new ReaderScope.Anonymous();
  }
}
