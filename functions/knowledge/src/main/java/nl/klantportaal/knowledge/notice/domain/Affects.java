package nl.klantportaal.knowledge.notice.domain;

import java.util.Set;
import nl.klantportaal.core.claims.TenantId;

/** Which customers a notice affects: every customer, or some named ones. Only provider staff ever see this. */
public sealed interface Affects {

  boolean includes(TenantId customer);

  record All() implements Affects {
    @Override
    public boolean includes(TenantId customer) {
      return true;
    }
  }

  record Customers(Set<TenantId> customers) implements Affects {
    public Customers {
      customers = Set.copyOf(customers);
      if (customers.isEmpty()) {
        throw new IllegalArgumentException("A notice affects at least one customer");
      }
    }

    @Override
    public boolean includes(TenantId customer) {
      return customers.contains(customer);
    }
  }
}
