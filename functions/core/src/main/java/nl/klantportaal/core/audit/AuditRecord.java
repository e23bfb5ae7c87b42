package nl.klantportaal.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of the audit trail, the shape every context writes: when, who (a user id, or
 * {@code system} for a scheduled job), what ({@code action}, a kebab-case word (dots allowed: {@code user.linked})), to which object, and
 * details. Entries name people only by id, never by name or address (those live in the one profile
 * item, which erasure removes); details hold ids, states and numbers, no personal text.
 */
public record AuditRecord(Instant at, String actorId, String action, AuditObject object, Map<String, String> details) {
  public static final String SYSTEM = "system";
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

  public AuditRecord {
    if (actorId == null || actorId.isBlank() || actorId.length() > 128 || actorId.contains("#")) {
      throw new IllegalArgumentException("actorId must be a user id or system");
    }
    if (!ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("action must be a kebab-case word (dots allowed: {@code user.linked}): " + action);
    }
    details = Map.copyOf(details);
  }

  public static AuditRecord of(Instant at, String actorId, String action, AuditObject object) {
    return new AuditRecord(at, actorId, action, object, Map.of());
  }

  public AuditRecord with(String key, String value) {
    var more = new java.util.HashMap<>(details);
    more.put(key, value);
    return new AuditRecord(at, actorId, action, object, more);
  }
}
