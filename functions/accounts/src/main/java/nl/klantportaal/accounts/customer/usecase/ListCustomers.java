package nl.klantportaal.accounts.customer.usecase;

import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** Provider staff page through all customers by name. */
public final class ListCustomers {
  private final CustomerRepository customers;

  public ListCustomers(CustomerRepository customers) {
    this.customers = customers;
  }

  public Page<Customer> execute(PageRequest page) {
    return customers.list(page);
  }
}
