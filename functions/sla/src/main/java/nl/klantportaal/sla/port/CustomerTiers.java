package nl.klantportaal.sla.port;

import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.claims.TenantId;

/** Each customer's SLA tier, as a new ticket's terms need it; empty for a customer that does not exist. */
@FunctionalInterface
public interface CustomerTiers {
  Optional<SlaTier> of(TenantId customer);
}
