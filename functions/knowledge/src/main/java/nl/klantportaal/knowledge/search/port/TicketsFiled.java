package nl.klantportaal.knowledge.search.port;

import java.time.Instant;

/** Whether a user filed a ticket in a time window: what decides a suggestion's deflection. */
public interface TicketsFiled {

  boolean any(String tenantId, String userId, Instant from, Instant to);
}
