package nl.klantportaal.knowledge.port;

import nl.klantportaal.core.claims.TenantId;

/** Whether a customer exists: a notice or an article names only customers the provider has. */
public interface CustomerCheck {
  boolean exists(TenantId customer);
}
