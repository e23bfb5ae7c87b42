package nl.klantportaal.knowledge.notice.wiring;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.knowledge.adapter.accounts.AccountsCustomerCheck;
import nl.klantportaal.knowledge.notice.adapter.dynamodb.DynamoDbNoticeMailings;
import nl.klantportaal.knowledge.notice.adapter.dynamodb.DynamoDbNotices;
import nl.klantportaal.knowledge.notice.adapter.outbox.OutboxNoticeMailbox;
import nl.klantportaal.knowledge.notice.port.NoticeMailings;
import nl.klantportaal.knowledge.notice.usecase.ManageNotices;
import nl.klantportaal.knowledge.notice.usecase.SendNoticeMails;
import nl.klantportaal.knowledge.notice.usecase.ViewNotices;
import nl.klantportaal.notifications.wiring.NotificationWiring;

/** Service notices: the table's notices, their mail through the outbox with {@code sender}. */
public final class NoticeWiring {
  private final KernelWiring kernel;
  private final MailSender sender;
  private final DynamoDbNotices notices;

  private NoticeWiring(KernelWiring kernel, MailSender sender) {
    this.kernel = kernel;
    this.sender = sender;
    this.notices = new DynamoDbNotices(kernel.table());
  }

  public static NoticeWiring of(KernelWiring kernel, MailSender sender) {
    return new NoticeWiring(kernel, sender);
  }

  public ViewNotices view() {
    return new ViewNotices(notices, kernel.clock());
  }

  public ManageNotices manage() {
    return new ManageNotices(notices, new AccountsCustomerCheck(IdentityWiring.of(kernel).customers()), mails(), kernel.clock());
  }

  /** The notices' mailings: what is left to mail per occasion. */
  public NoticeMailings mailings() {
    return new DynamoDbNoticeMailings(kernel.table());
  }

  public SendNoticeMails mails() {
    IdentityWiring identity = IdentityWiring.of(kernel);
    var mailbox = new OutboxNoticeMailbox(identity.customers(), identity.users(), NotificationWiring.of(kernel).directMail(sender));
    return new SendNoticeMails(notices, mailings(), mailbox, kernel.mail().portalOrigin(),
        kernel.clock());
  }
}
