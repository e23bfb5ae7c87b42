package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * A security notice about a user's own account, written with the profile change that makes it due and then mailed
 * through the portal's outbox (docs/security.md, "Account security notices"). It goes to the account whatever its
 * mail preferences, once per change: the change is named by the profile version it made.
 */
public sealed interface AccountNotice permits EmailChangeNotice, MfaResetNotice {

  /** The account. */
  UserId user();

  /** The customer the account belongs to, if any (staff and pending accounts have none). */
  Optional<TenantId> customer();

  /** The profile version the change made: the notice is sent once per such version. */
  long version();

  /** Where the notice goes. */
  String recipient();

  /** The account's display name, for the greeting. */
  String name();

  Language language();

  /** When the change was recorded. */
  Instant at();
}
