package nl.klantportaal.billing.adapter.outbox;

import java.util.List;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.billing.port.HourMailbox;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.usecase.DirectMail;

/**
 * Hour mail through the portal's outbox (the notifications context): an entry per event key and
 * recipient, claimed before it is sent (a second claim finds it and sends nothing), retried by the
 * mail-retry schedule like every other mail. Recipients are the customer's admins who want
 * {@code hourBundles} mail (their account settings).
 */
public final class OutboxHourMailbox implements HourMailbox {
  private final UserRepository users;
  private final DirectMail mail;

  public OutboxHourMailbox(UserRepository users, DirectMail mail) {
    this.users = users;
    this.mail = mail;
  }

  @Override
  public List<Recipient> recipients(TenantId tenant, Topic topic) {
    AccountSettings.Topic preference = topic == Topic.HOURS ? AccountSettings.Topic.HOUR_BUNDLES : AccountSettings.Topic.SUBSCRIPTIONS;
    return users.adminsWanting(tenant, preference).stream()
        .map(user -> new Recipient(user.id(), user.email(), user.name().display(), user.language())).toList();
  }

  @Override
  public boolean send(String eventKey, TenantId tenant, Recipient to, Mail mail) {
    return this.mail.sendOnce(eventKey, "h." + tenant.value(), new DirectMail.Message(MailKind.HOURS, tenant, to.id().value(),
        to.email(), mail.subject(), mail.text(), mail.html()));
  }
}
