package nl.klantportaal.reports.adapter.outbox;

import java.time.Clock;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.port.Outbox;
import nl.klantportaal.notifications.usecase.MailDelivery;
import nl.klantportaal.reports.domain.ReportMail;
import nl.klantportaal.reports.domain.ReportMonth;
import nl.klantportaal.reports.port.ReportMailbox;

/**
 * The report mail through the portal's outbox (the notifications context): one entry per
 * customer-month and recipient, claimed before it is sent, so a re-run or a duplicate delivery finds
 * it and sends nothing; retried by the mail-retry schedule like every other mail. Recipients are the
 * customer's admins who want {@code reports} mail (the account page's preference), each in their language.
 */
public final class OutboxReportMailbox implements ReportMailbox {
  private final UserRepository users;
  private final Outbox outbox;
  private final MailDelivery delivery;
  private final String mailDomain;
  private final String portalOrigin;
  private final Clock clock;

  public OutboxReportMailbox(UserRepository users, Outbox outbox, MailDelivery delivery, String mailDomain, String portalOrigin,
      Clock clock) {
    this.users = users;
    this.outbox = outbox;
    this.delivery = delivery;
    this.mailDomain = mailDomain;
    this.portalOrigin = portalOrigin;
    this.clock = clock;
  }

  @Override
  public int announce(TenantId tenant, String customerName, ReportMonth month) {
    String eventKey = "REPORT#" + tenant.value() + "#" + month;
    String link = portalOrigin + "/#/reports";
    int sent = 0;
    for (UserProfile admin : users.adminsWanting(tenant, AccountSettings.Topic.REPORTS)) {
      var mail = ReportMail.ready(admin.language(), admin.name().display(), customerName, month, link);
      String id = MailThreading.outboxId(eventKey, admin.id().value(), MailKind.REPORT);
      String messageId = "<r." + tenant.value() + "." + id + "@" + mailDomain + ">";
      var entry = new OutboxEntry(id, eventKey, MailKind.REPORT, tenant, 0, admin.id().value(), admin.email(), mail.subject(),
          mail.text(), mail.html(), messageId, messageId, OutboxEntry.State.PENDING, 1, Optional.empty(), clock.instant());
      if (outbox.claim(entry, clock.instant().plus(RetryPolicy.DEFAULT.lease()))) {
        delivery.attempt(entry);
        sent++;
      }
    }
    return sent;
  }
}
