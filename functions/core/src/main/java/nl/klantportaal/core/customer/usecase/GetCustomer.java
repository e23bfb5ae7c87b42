package nl.klantportaal.core.customer.usecase;

import nl.klantportaal.core.customer.domain.Customer;
import nl.klantportaal.core.customer.port.CustomerRepository;
import nl.klantportaal.core.identity.domain.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;

public final class GetCustomer {
  private final CustomerRepository customers;

  public GetCustomer(CustomerRepository customers) {
    this.customers = customers;
  }

  public Customer execute(TenantId id) {
    return customers.find(id).orElseThrow(() -> new DomainException.NotFound("Customer " + id));
  }
}
