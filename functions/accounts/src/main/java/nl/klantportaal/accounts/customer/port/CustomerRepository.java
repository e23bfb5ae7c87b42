package nl.klantportaal.accounts.customer.port;

import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** Customers and the uniqueness of their e-mail domains. */
public interface CustomerRepository {

  /** Stores a new customer; Conflict ALREADY_EXISTS if the id or one of its domains is taken. */
  void create(Customer customer);

  /**
   * Replaces a customer if the stored version is {@code customer.version() - 1}; Conflict VERSION
   * otherwise, ALREADY_EXISTS when a newly listed domain belongs to another customer.
   */
  void update(Customer previous, Customer customer);

  Optional<Customer> find(TenantId id);

  Optional<TenantId> findByDomain(String emailDomain);

  /** All customers by name. */
  Page<Customer> list(PageRequest page);
}
