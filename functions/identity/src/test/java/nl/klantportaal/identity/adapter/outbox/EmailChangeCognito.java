package nl.klantportaal.identity.adapter.outbox;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.identity.adapter.cognito.PartialIdentityProvider;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;

/**
 * Cognito as the e-mail change uses it, for one account (there is no Cognito in-process; cognito-local runs in the
 * local cloud only, IdentityFlowIT). As the template's pool does ({@code AttributesRequireVerificationBeforeUpdate:
 * [email]}, which cognito-local 5.3 honours too), a requested address waits, unverified, beside the old one, which
 * stays the verified address until the code comes back; the right code makes the new one the address; a code is spent
 * once, and using it again is refused as expired (what Cognito answers, ExpiredCodeException); a wrong one as invalid.
 * {@link #duringVerify} runs while Cognito checks a code (a concurrent change of the profile).
 */
public final class EmailChangeCognito extends PartialIdentityProvider {
  public static final String ACCESS_TOKEN = "eyJraWQiOiJhY2Nlc3MifQ.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl";
  public static final String CODE = "123456";

  private final UserId user;
  private String email;
  private Optional<String> pending = Optional.empty();
  private final Set<String> spent = new HashSet<>();
  public Runnable duringVerify = () -> {};

  public EmailChangeCognito(UserId user, String email) {
    super("the e-mail change");
    this.user = user;
    this.email = email;
  }

  /** Where Cognito stands: the (verified) address, and one waiting for its code. */
  public String email() {
    return email + pending.map(p -> " (" + p + " unverified)").orElse("");
  }

  @Override
  public UserId userOf(String accessToken) {
    if (!ACCESS_TOKEN.equals(accessToken)) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CREDENTIALS);
    }
    return user;
  }

  @Override
  public void requestEmailChange(String accessToken, String newEmail) {
    userOf(accessToken);
    pending = Optional.of(newEmail);
  }

  @Override
  public String verifyEmailChange(String accessToken, String code) {
    userOf(accessToken);
    duringVerify.run();
    if (spent.contains(code)) {
      throw new DomainException.Refused(DomainException.Refused.Reason.EXPIRED_CODE);
    }
    if (pending.isEmpty() || !CODE.equals(code)) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CODE);
    }
    email = pending.get();
    pending = Optional.empty();
    spent.add(code);
    return email;
  }

  @Override
  public Optional<String> verifiedEmail(String accessToken) {
    userOf(accessToken);
    return Optional.of(email);
  }

}
