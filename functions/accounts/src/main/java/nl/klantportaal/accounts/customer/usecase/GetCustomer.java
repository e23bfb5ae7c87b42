package nl.klantportaal.accounts.customer.usecase;

import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * One customer: provider staff read any; a customer's own people read their own organisation (its
 * name, domains, SLA tier, language, on-call address — what the portal shows them) and no other,
 * which answers 404 as if it did not exist.
 */
public final class GetCustomer {
  private final CustomerRepository customers;

  public GetCustomer(CustomerRepository customers) {
    this.customers = customers;
  }

  public Customer execute(Caller caller, TenantId id) {
    if (!caller.role().isProviderStaff() && !caller.tenant().equals(Optional.of(id))) {
      throw new DomainException.NotFound("Customer " + id);
    }
    return customers.find(id).orElseThrow(() -> new DomainException.NotFound("Customer " + id));
  }
}
