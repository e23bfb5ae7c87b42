package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.SecurityNotice;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Versions;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * A provider admin resets a user's MFA (the seed: support resets it when a phone is lost): the
 * factor is switched off, the profile says not enrolled, every session ends, the change is
 * audited and the user is mailed. The user enrols again at the next sign-in.
 */
public final class ResetMfa {
  private final UserRepository users;
  private final UserDirectory directory;
  private final MailSender mail;
  private final Clock clock;

  public ResetMfa(UserRepository users, UserDirectory directory, MailSender mail, Clock clock) {
    this.users = users;
    this.directory = directory;
    this.mail = mail;
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
    users.update(next, new AuditEntry(now, admin.userId(), "user.mfa-reset", subject, current.membership().tenant(), Map.of()));
    directory.signOutEverywhere(subject);
    var notice = SecurityNotice.mfaReset(current.language(), current.name().display());
    mail.send(new MailSender.OutgoingMail(List.of(current.email()), notice.subject(), notice.html(),
        SecurityNotice.plainText(notice)));
    return next;
  }
}
