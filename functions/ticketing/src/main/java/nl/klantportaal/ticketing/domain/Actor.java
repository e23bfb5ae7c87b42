package nl.klantportaal.ticketing.domain;

import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;

/** Who changes a ticket: a signed-in person, or the portal itself (auto-close, mail intake). */
public sealed interface Actor {

  /** Stored as {@code lastChangeBy} and in the audit trail. */
  String id();

  record Person(UserId userId, Role role, String name) implements Actor {
    @Override
    public String id() {
      return userId.value();
    }

    public boolean isStaff() {
      return role.isProviderStaff();
    }
  }

  record System() implements Actor {
    public static final String ID = "system";

    @Override
    public String id() {
      return ID;
    }
  }

  static Person of(Caller caller, String name) {
    return new Person(caller.userId(), caller.role(), name);
  }
}
