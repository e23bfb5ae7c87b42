package nl.klantportaal.accounts.customer.usecase;

import java.util.Map;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.UserId;
import java.time.Clock;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.Versions;

/** A provider admin changes a customer; the caller's version must be the stored one. */
public final class UpdateCustomer {
  private final CustomerRepository customers;
  private final Clock clock;

  public UpdateCustomer(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  public Customer execute(UserId actor, TenantId id, CustomerInput input) {
    Validation v = new Validation();
    v.check(input.version() != null, "version", "required", "is required: the version you read");
    CustomerDetails details = input.validate(v);
    Customer stored = customers.find(id).orElseThrow(() -> new DomainException.NotFound("Customer " + id));
    Versions.require("Customer " + id, stored.version(), input.version());
    Customer updated = new Customer(id, details, stored.createdAt(), clock.instant(), stored.version() + 1);
    customers.update(stored, updated, new AuditRecord(updated.updatedAt(), actor.value(), "customer-updated",
        AuditObject.customer(id.value()), Map.of("version", String.valueOf(updated.version()),
            "tier", details.slaTier().wireName())));
    return updated;
  }
}
