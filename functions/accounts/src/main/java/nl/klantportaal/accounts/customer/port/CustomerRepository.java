package nl.klantportaal.accounts.customer.port;

import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** Customers and the uniqueness of their e-mail domains. */
public interface CustomerRepository {

  /**
   * Stores a new customer with its audit entry in one transaction; Conflict ALREADY_EXISTS if the id
   * or one of its domains is taken.
   */
  void create(Customer customer, AuditRecord audit);

  /**
   * Replaces a customer if the stored version is {@code customer.version() - 1}, with its audit entry
   * in the same transaction; Conflict VERSION otherwise, ALREADY_EXISTS when a newly listed domain
   * belongs to another customer.
   */
  void update(Customer previous, Customer customer, AuditRecord audit);

  /** Seed data and fixtures: {@link #create(Customer, AuditRecord)}, audited as the system's. */
  default void create(Customer customer) {
    create(customer, AuditRecord.of(customer.createdAt(), AuditRecord.SYSTEM, "customer-created",
        AuditObject.customer(customer.id().value())));
  }

  /** Seed data and fixtures: {@link #update(Customer, Customer, AuditRecord)}, audited as the system's. */
  default void update(Customer previous, Customer customer) {
    update(previous, customer, AuditRecord.of(customer.updatedAt(), AuditRecord.SYSTEM, "customer-updated",
        AuditObject.customer(customer.id().value())));
  }

  Optional<Customer> find(TenantId id);

  Optional<TenantId> findByDomain(String emailDomain);

  /** All customers by name. */
  Page<Customer> list(PageRequest page);
}
