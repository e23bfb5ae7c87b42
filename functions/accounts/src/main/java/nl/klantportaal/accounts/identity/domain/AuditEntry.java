package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;

/**
 * Who did what to whom and when: kept for every link, role change, unlink, deactivation and MFA
 * reset. Filed under the customer concerned, or provider-wide when there is none.
 */
public record AuditEntry(Instant at, UserId actor, String action, UserId subject, Optional<TenantId> customer,
    Map<String, String> details) {
  public AuditEntry {
    details = Map.copyOf(details);
  }
}
