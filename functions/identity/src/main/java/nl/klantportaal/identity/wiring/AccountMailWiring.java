package nl.klantportaal.identity.wiring;

import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.accounts.identity.usecase.ChangeEmail;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.adapter.outbox.OutboxAccountMailbox;
import nl.klantportaal.notifications.wiring.NotificationWiring;

/**
 * Account notices through the portal's outbox: the e-mail-change notice is written with the profile change
 * (the profile repository wired with the outbox's item format) and sent through the notifications context's
 * delivery, from the usual sender ({@code SENDER_ADDRESS}, or the recipient domain's route), naming the
 * support address ({@code REPLY_TO_ADDRESS}).
 */
public final class AccountMailWiring {
  private final KernelWiring kernel;
  private final MailSender sender;

  private AccountMailWiring(KernelWiring kernel, MailSender sender) {
    this.kernel = kernel;
    this.sender = sender;
  }

  public static AccountMailWiring of(KernelWiring kernel, MailSender sender) {
    return new AccountMailWiring(kernel, sender);
  }

  public OutboxAccountMailbox mailbox() {
    var notifications = NotificationWiring.of(kernel);
    return new OutboxAccountMailbox(notifications.directMail(sender), notifications.sendPendingMail(sender),
        kernel.mail().replyToAddress());
  }

  /** The e-mail change: Cognito through {@code provider}; the profile, its audit entry and the notice in one transaction. */
  public ChangeEmail changeEmail(IdentityProvider provider) {
    OutboxAccountMailbox mailbox = mailbox();
    UserRepository users = IdentityWiring.of(kernel).users(mailbox);
    return new ChangeEmail(provider, users, mailbox, kernel.clock());
  }
}
