package nl.klantportaal.accounts.identity.port;

import nl.klantportaal.accounts.identity.domain.AccountNotice;

/**
 * Security notices about a user's own account, sent through the portal's outbox (the identity function's adapter
 * hands them to the notifications context). A notice is queued by the change that makes it due, in the same
 * transaction ({@link UserRepository#update(nl.klantportaal.accounts.identity.domain.UserProfile,
 * nl.klantportaal.accounts.identity.domain.AuditEntry, AccountNotice)}): the change and its notice are stored
 * together or not at all. Once that transaction is written, {@link #send} sends it.
 */
public interface AccountMailbox {

  /**
   * Sends at once the notice the change's transaction queued, once: a notice sent before (or being sent) is left
   * alone. It never fails the change: a send that does not succeed now (SES refusing, DynamoDB unavailable) leaves the
   * notice queued for the outbox's retries, which give it up with an alarm after their last attempt.
   */
  void send(AccountNotice notice);
}
