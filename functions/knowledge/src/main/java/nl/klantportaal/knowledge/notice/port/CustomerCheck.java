package nl.klantportaal.knowledge.notice.port;

import nl.klantportaal.core.claims.TenantId;

/** Whether a customer exists (a notice names only customers the provider has). */
public interface CustomerCheck {
  boolean exists(TenantId customer);
}
