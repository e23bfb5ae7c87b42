package nl.klantportaal.knowledge.adapter.accounts;

import java.util.Optional;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.knowledge.port.PeopleNames;

/** The display names the accounts context keeps. */
public final class AccountsPeopleNames implements PeopleNames {
  private final UserRepository users;

  public AccountsPeopleNames(UserRepository users) {
    this.users = users;
  }

  @Override
  public Optional<String> name(String userId) {
    return users.find(new UserId(userId)).map(p -> p.name().display());
  }
}
