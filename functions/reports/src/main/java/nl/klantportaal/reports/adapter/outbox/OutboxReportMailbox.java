package nl.klantportaal.reports.adapter.outbox;

import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.usecase.DirectMail;
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
  private final DirectMail mail;
  private final String portalOrigin;

  public OutboxReportMailbox(UserRepository users, DirectMail mail, String portalOrigin) {
    this.users = users;
    this.mail = mail;
    this.portalOrigin = portalOrigin;
  }

  @Override
  public int announce(TenantId tenant, String customerName, ReportMonth month) {
    String eventKey = "REPORT#" + tenant.value() + "#" + month;
    String link = portalOrigin + "/#/reports";
    int sent = 0;
    for (UserProfile admin : users.adminsWanting(tenant, AccountSettings.Topic.REPORTS)) {
      var ready = ReportMail.ready(admin.language(), admin.name().display(), customerName, month, link,
          portalOrigin + "/#/account");
      if (mail.sendOnce(eventKey, "r." + tenant.value(), new DirectMail.Message(MailKind.REPORT, tenant, admin.id().value(),
          admin.email(), ready.subject(), ready.text(), ready.html()))) {
        sent++;
      }
    }
    return sent;
  }
}
