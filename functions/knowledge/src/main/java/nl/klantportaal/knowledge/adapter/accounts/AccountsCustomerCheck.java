package nl.klantportaal.knowledge.adapter.accounts;

import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.knowledge.port.CustomerCheck;

/** The customers as the accounts context keeps them. */
public final class AccountsCustomerCheck implements CustomerCheck {
  private final CustomerRepository customers;

  public AccountsCustomerCheck(CustomerRepository customers) {
    this.customers = customers;
  }

  @Override
  public boolean exists(TenantId customer) {
    return customers.find(customer).isPresent();
  }
}
