package nl.klantportaal.billing.adapter.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.billing.port.HourMailbox;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.domain.RetryPolicy;
import nl.klantportaal.notifications.port.Outbox;
import nl.klantportaal.notifications.usecase.MailDelivery;

/**
 * Hour mail through the portal's outbox (the notifications context): an entry per event key and
 * recipient, claimed before it is sent (a second claim finds it and sends nothing), retried by the
 * mail-retry schedule like every other mail. Recipients are the customer's admins who want
 * {@code hourBundles} mail (their account settings).
 */
public final class OutboxHourMailbox implements HourMailbox {
  private final UserRepository users;
  private final Outbox outbox;
  private final MailDelivery delivery;
  private final String mailDomain;
  private final Clock clock;

  public OutboxHourMailbox(UserRepository users, Outbox outbox, MailDelivery delivery, String mailDomain, Clock clock) {
    this.users = users;
    this.outbox = outbox;
    this.delivery = delivery;
    this.mailDomain = mailDomain;
    this.clock = clock;
  }

  @Override
  public List<Recipient> recipients(TenantId tenant, Topic topic) {
    AccountSettings.Topic preference = topic == Topic.HOURS ? AccountSettings.Topic.HOUR_BUNDLES : AccountSettings.Topic.SUBSCRIPTIONS;
    return users.adminsWanting(tenant, preference).stream()
        .map(user -> new Recipient(user.id(), user.email(), user.name().display(), user.language())).toList();
  }

  @Override
  public boolean send(String eventKey, TenantId tenant, Recipient to, Mail mail) {
    String id = MailThreading.outboxId(eventKey, to.id().value(), MailKind.HOURS);
    String messageId = "<h." + tenant.value() + "." + id + "@" + mailDomain + ">";
    var entry = new OutboxEntry(id, eventKey, MailKind.HOURS, tenant, 0, to.id().value(), to.email(), mail.subject(), mail.text(),
        mail.html(), messageId, messageId, OutboxEntry.State.PENDING, 1, Optional.empty(), clock.instant());
    if (!outbox.claim(entry, clock.instant().plus(RetryPolicy.DEFAULT.lease()))) {
      return false;
    }
    delivery.attempt(entry);
    return true;
  }
}
