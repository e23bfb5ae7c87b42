package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.MfaResetNotice;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.AccountMailbox;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Versions;

/**
 * A provider admin resets a user's MFA (the seed: support resets it when a phone is lost): the
 * factor is switched off, the profile says not enrolled, every session ends, the change is
 * audited and the user is told ({@link MfaResetNotice}). The profile, its audit entry and the notice
 * are written in one transaction, then the notice is sent: a mail service that fails now leaves the
 * notice to the outbox's retries and does not fail the reset, which has happened. The user enrols
 * again at the next sign-in.
 */
public final class ResetMfa {
  private final UserRepository users;
  private final UserDirectory directory;
  private final AccountMailbox mailbox;
  private final Clock clock;

  /** {@code users}: a repository wired to queue account notices in {@code mailbox}'s format. */
  public ResetMfa(UserRepository users, UserDirectory directory, AccountMailbox mailbox, Clock clock) {
    this.users = users;
    this.directory = directory;
    this.mailbox = mailbox;
    this.clock = clock;
  }

  public UserProfile execute(Caller admin, UserId subject, long expectedVersion) {
    if (admin.userId().equals(subject)) {
      throw new DomainException.Forbidden("Another admin resets your own MFA");
    }
    UserProfile current = users.find(subject).orElseThrow(() -> new DomainException.NotFound("User " + subject));
    Versions.require("User " + subject, current.version(), expectedVersion);
    Instant now = clock.instant();
    UserProfile next = current.withMfaEnrolled(false, now);
    directory.resetMfa(subject);
    var notice = new MfaResetNotice(subject, current.membership().tenant(), next.version(), current.email(),
        current.name().display(), current.language(), now);
    users.update(next, new AuditEntry(now, admin.userId(), "user.mfa-reset", subject, current.membership().tenant(),
        Map.of()), notice);
    directory.signOutEverywhere(subject);
    mailbox.send(notice);
    return next;
  }
}
