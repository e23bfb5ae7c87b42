package nl.klantportaal.billing.adapter.accounts;

import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.billing.port.CustomerDirectory;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** The customers as the accounts context keeps them. */
public final class AccountsCustomerDirectory implements CustomerDirectory {
  private final CustomerRepository customers;

  public AccountsCustomerDirectory(CustomerRepository customers) {
    this.customers = customers;
  }

  @Override
  public Optional<Entry> find(TenantId customer) {
    return customers.find(customer).map(AccountsCustomerDirectory::entry);
  }

  @Override
  public Page<Entry> list(PageRequest page) {
    Page<Customer> found = customers.list(page);
    return new Page<>(found.items().stream().map(AccountsCustomerDirectory::entry).toList(), found.nextCursor());
  }

  private static Entry entry(Customer c) {
    return new Entry(c.id(), c.name(), c.language());
  }
}
