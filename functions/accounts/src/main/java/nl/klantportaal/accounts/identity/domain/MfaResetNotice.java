package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * The security notice of an MFA reset by the provider's support (the seed: a lost phone), to the account's address:
 * its owner hears that the second factor was switched off and that the next sign-in enrols a new one, so a reset they
 * did not ask for does not go unnoticed.
 *
 * @param user the account
 * @param customer the customer the account belongs to, if any
 * @param version the profile version the reset made: the notice is sent once per such version
 * @param address the account's address, where the notice goes
 * @param name the account's display name, for the greeting
 * @param language the account's language
 * @param resetAt when the reset was recorded
 */
public record MfaResetNotice(UserId user, Optional<TenantId> customer, long version, String address, String name,
    Language language, Instant resetAt) implements AccountNotice {

  @Override
  public String recipient() {
    return address;
  }

  @Override
  public Instant at() {
    return resetAt;
  }
}
