package nl.klantportaal.ticketing.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One change to a ticket — who, when, what — written in the same transaction as the change. */
public record TicketAudit(Instant at, String actorId, String actorRole, String action, Map<String, String> details) {
  public TicketAudit {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static TicketAudit of(Actor actor, Instant at, String action, Map<String, String> details) {
    String role = switch (actor) {
      case Actor.Person person -> person.role().wireName();
      case Actor.System system -> "system";
    };
    return new TicketAudit(at, actor.id(), role, action, details);
  }
}
