package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/**
 * The security notice of a verified e-mail change, to the <em>old</em> address: whoever owns that mailbox hears that the
 * account's sign-in address moved away from it, so a change made by someone who took over a session does not go unnoticed
 * (docs/security.md, "Account security notices"). It goes to every account, whatever its mail preferences.
 *
 * @param user the account
 * @param customer the customer the account belongs to, if any (staff and pending accounts have none)
 * @param version the profile version the change made: the notice is sent once per such version
 * @param oldAddress where the notice goes
 * @param newAddress the verified new address; the notice shows it only masked ({@link #maskedNewAddress()})
 * @param name the account's display name, for the greeting
 * @param language the account's language
 * @param changedAt when the change was recorded
 */
public record EmailChangeNotice(UserId user, Optional<TenantId> customer, long version, String oldAddress,
    String newAddress, String name, Language language, Instant changedAt) implements AccountNotice {

  @Override
  public String recipient() {
    return oldAddress;
  }

  @Override
  public Instant at() {
    return changedAt;
  }

  /** What stands for the hidden part of an address's local part: always three, so the length is not told. */
  public static final String HIDDEN = "•••";

  /** The new address as the notice shows it: {@link #mask(String)}. */
  public String maskedNewAddress() {
    return mask(newAddress);
  }

  /**
   * An address with its local part reduced to its first character and {@link #HIDDEN}, the domain kept:
   * {@code jan.jansen@example.com} → {@code j•••@example.com}. The owner of the old mailbox recognises a
   * change they made themselves (their own initial and domain), but a mailbox that is no longer theirs (an
   * address of a former employer, forwarded to a colleague) does not learn the person's new address. The
   * first character is a whole code point; text without an {@code @} (never an address the portal keeps)
   * shows nothing but {@link #HIDDEN}.
   */
  public static String mask(String address) {
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return HIDDEN;
    }
    return new StringBuilder().appendCodePoint(address.codePointAt(0)).append(HIDDEN).append(address.substring(at))
        .toString();
  }
}
