package nl.klantportaal.knowledge.port;

import java.util.Optional;

/** The name a person goes by in the portal, for a user id; empty when there is no such account (any more). */
public interface PeopleNames {
  Optional<String> name(String userId);
}
