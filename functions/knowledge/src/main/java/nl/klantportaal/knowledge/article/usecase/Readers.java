package nl.klantportaal.knowledge.article.usecase;

import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.knowledge.article.domain.Reader;

/** The reader a verified caller is: provider staff, or a user of the customer in its claims. */
public final class Readers {
  private Readers() {}

  public static Reader of(Caller caller) {
    if (caller.role().isProviderStaff()) {
      return new Reader.Staff();
    }
    if (caller.role().isCustomer()) {
      return new Reader.CustomerUser(caller.requireTenant());
    }
    throw new nl.klantportaal.core.shared.domain.DomainException.Forbidden("Only linked users read the knowledge base");
  }
}
