package nl.klantportaal.billing.port;

import java.time.Instant;
import nl.klantportaal.core.claims.Caller;

/** Who did what to a bundle or subscription, when: written in the same transaction as the change. */
public record Audit(String actorId, String actorRole, Instant at, String action, String details) {

  public static Audit by(Caller caller, Instant at, String action, String details) {
    return new Audit(caller.userId().value(), caller.role().wireName(), at, action, details);
  }
}
