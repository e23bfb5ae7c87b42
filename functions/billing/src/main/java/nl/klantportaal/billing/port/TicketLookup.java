package nl.klantportaal.billing.port;

import nl.klantportaal.core.claims.TenantId;

/** Whether a ticket exists in a customer's tenant (time may be registered on it). */
public interface TicketLookup {
  boolean exists(TenantId tenant, long number);
}
