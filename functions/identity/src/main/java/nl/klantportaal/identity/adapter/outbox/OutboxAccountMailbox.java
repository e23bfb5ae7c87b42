package nl.klantportaal.identity.adapter.outbox;

import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.adapter.dynamodb.NoticeItems;
import nl.klantportaal.accounts.identity.domain.AccountNotice;
import nl.klantportaal.accounts.identity.domain.EmailChangeNotice;
import nl.klantportaal.accounts.identity.domain.MfaResetNotice;
import nl.klantportaal.accounts.identity.port.AccountMailbox;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.ParagraphMail;
import nl.klantportaal.notifications.usecase.DirectMail;
import nl.klantportaal.notifications.usecase.SendPendingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Account notices through the portal's outbox (the notifications context), written with the change that makes them
 * due. {@link #item} is the notice's outbox entry ({@link MailKind#EMAIL_CHANGED}, rendered by {@link EmailChangedMail},
 * or {@link MailKind#MFA_RESET} by {@link MfaResetMail}; PENDING and due for the retry job at the end of its lease) that
 * the profile repository
 * puts in the change's transaction; {@link #send} then sends it at once with the same conditional lease the retry
 * job takes ({@link SendPendingMail}), so whichever comes first sends it and the other finds it taken or sent.
 *
 * <p>Once per change: the entry's key is derived from the account and the profile version the change made
 * ({@code ACCOUNT#<sub>#EMAIL#<version>}, {@code ACCOUNT#<sub>#MFA#<version>}), and the repository puts it only where none exists. The recipient id is the
 * account's, so the GDPR export and erasure find the notice with the person's other mail (docs/privacy.md). An
 * account without a customer (staff, pending) files it under the tenant id {@value #NO_CUSTOMER}, as inbound mail
 * does its replies to unknown senders.
 */
public final class OutboxAccountMailbox implements AccountMailbox, NoticeItems {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxAccountMailbox.class);

  /** The tenant id of a notice to an account that belongs to no customer. */
  public static final String NO_CUSTOMER = "no-customer";

  /** The Message-ID prefix of account notices: {@code <a.<outbox id>@<mail domain>>}. */
  static final String ID_PREFIX = "a";

  private final DirectMail mail;
  private final SendPendingMail pending;
  private final Optional<String> supportAddress;

  /**
   * {@code supportAddress}: where the notice tells the reader to write (the bare address of {@code REPLY_TO_ADDRESS},
   * the support mailbox every mail names as its Reply-To), if the deployment has one.
   */
  public OutboxAccountMailbox(DirectMail mail, SendPendingMail pending, Optional<String> supportAddress) {
    this.mail = mail;
    this.pending = pending;
    this.supportAddress = supportAddress.map(EmailChangedMail::bareAddress);
  }

  @Override
  public Map<String, AttributeValue> item(AccountNotice notice) {
    return DynamoDbOutbox.item(entry(notice), mail.leaseUntil());
  }

  @Override
  public void send(AccountNotice notice) {
    OutboxEntry entry = entry(notice);
    try {
      SendPendingMail.Result result = pending.execute(entry.id());
      LOG.info("Account notice {} ({}): {}", entry.id(), entry.kind(), result);
    } catch (RuntimeException e) {
      // The notice is PENDING in the outbox, written with the change: the retry job sends it once its lease ends.
      LOG.warn("Account notice {} ({}) not sent now; the mail retry job sends it: {}", entry.id(), entry.kind(),
          e.toString());
    }
  }

  /** The notice's outbox entry: the same id and rendering each time it is built for the same notice. */
  OutboxEntry entry(AccountNotice notice) {
    MailKind kind = switch (notice) {
      case EmailChangeNotice changed -> MailKind.EMAIL_CHANGED;
      case MfaResetNotice reset -> MailKind.MFA_RESET;
    };
    ParagraphMail rendered = switch (notice) {
      case EmailChangeNotice changed -> EmailChangedMail.render(changed, supportAddress);
      case MfaResetNotice reset -> MfaResetMail.render(reset, supportAddress);
    };
    TenantId tenant = notice.customer().orElse(new TenantId(NO_CUSTOMER));
    return mail.queued(eventKey(notice), ID_PREFIX, new DirectMail.Message(kind, tenant,
        notice.user().value(), notice.recipient(), rendered.subject(), rendered.text(), rendered.html()));
  }

  /** The change the notice is sent once for: the account, what changed and the profile version it made. */
  static String eventKey(AccountNotice notice) {
    String change = switch (notice) {
      case EmailChangeNotice changed -> "EMAIL";
      case MfaResetNotice reset -> "MFA";
    };
    return "ACCOUNT#" + notice.user().value() + "#" + change + "#" + notice.version();
  }
}
