package nl.klantportaal.notifications.port;

import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.domain.TicketSnapshot;

/** Reads the ticket a public message belongs to ({@code PUB#TICKET}, one GetItem). */
public interface TicketReader {
  Optional<TicketSnapshot> find(TenantId tenant, long number);
}
