package nl.klantportaal.identity.wiring;

import java.util.function.Supplier;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.accounts.identity.usecase.ChangeEmail;
import nl.klantportaal.accounts.identity.usecase.ResetMfa;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.adapter.outbox.OutboxAccountMailbox;
import nl.klantportaal.notifications.wiring.NotificationWiring;

/**
 * Account notices through the portal's outbox: the e-mail-change and MFA-reset notices are written with the profile change
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

  /**
   * The e-mail change, wired at its first use (a memoised supplier): a function whose other routes need none of it (the
   * outbox's delivery, the SES client {@code sender} builds) does not build it during init.
   */
  public static Supplier<ChangeEmail> changeEmailOnFirstUse(KernelWiring kernel, Supplier<MailSender> sender,
      IdentityProvider provider) {
    return PortalTable.memoize(() -> of(kernel, sender.get()).changeEmail(provider));
  }

  /**
   * The MFA reset, wired at its first use, as {@link #changeEmailOnFirstUse}: the users function's other routes build no
   * outbox delivery.
   */
  public static Supplier<ResetMfa> resetMfaOnFirstUse(KernelWiring kernel, MailSender sender, UserDirectory directory) {
    return PortalTable.memoize(() -> of(kernel, sender).resetMfa(directory));
  }

  /** The MFA reset: the factor off in {@code directory}; the profile, its audit entry and the notice in one transaction. */
  public ResetMfa resetMfa(UserDirectory directory) {
    OutboxAccountMailbox mailbox = mailbox();
    return new ResetMfa(IdentityWiring.of(kernel).users(mailbox), directory, mailbox, kernel.clock());
  }

  /** The e-mail change: Cognito through {@code provider}; the profile, its audit entry and the notice in one transaction. */
  public ChangeEmail changeEmail(IdentityProvider provider) {
    OutboxAccountMailbox mailbox = mailbox();
    UserRepository users = IdentityWiring.of(kernel).users(mailbox);
    return new ChangeEmail(provider, users, mailbox, kernel.clock());
  }
}
