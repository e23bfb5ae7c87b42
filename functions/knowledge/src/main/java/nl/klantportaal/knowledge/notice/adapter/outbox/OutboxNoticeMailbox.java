package nl.klantportaal.knowledge.notice.adapter.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.knowledge.notice.domain.Affects;
import nl.klantportaal.knowledge.notice.port.NoticeMailbox;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.usecase.DirectMail;

/**
 * Notice mail through the portal's outbox (the notifications context): an entry per event key and recipient, claimed
 * before it is sent (a second claim finds it and sends nothing), retried by the mail-retry schedule like every other mail.
 * Recipients are the affected customers' admins who keep the {@code notices} preference on (their account settings); for a
 * notice to all customers, every customer's, read page by page (pattern 2 and 8 of docs/data-model.md).
 */
public final class OutboxNoticeMailbox implements NoticeMailbox {
  private final CustomerRepository customers;
  private final UserRepository users;
  private final DirectMail mail;

  public OutboxNoticeMailbox(CustomerRepository customers, UserRepository users, DirectMail mail) {
    this.customers = customers;
    this.users = users;
    this.mail = mail;
  }

  @Override
  public List<Recipient> recipients(Affects affects) {
    List<TenantId> affected = switch (affects) {
      case Affects.Customers some -> some.customers().stream().sorted(java.util.Comparator.comparing(TenantId::value)).toList();
      case Affects.All all -> everyCustomer();
    };
    List<Recipient> recipients = new ArrayList<>();
    for (TenantId customer : affected) {
      users.adminsWanting(customer, AccountSettings.Topic.NOTICES).forEach(user -> recipients.add(
          new Recipient(user.id(), customer, user.email(), user.name().display(), user.language())));
    }
    return recipients;
  }

  private List<TenantId> everyCustomer() {
    List<TenantId> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<Customer> page = customers.list(new PageRequest(cursor, 100));
      page.items().forEach(c -> all.add(c.id()));
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return all;
  }

  @Override
  public boolean send(String eventKey, Recipient to, Mail mail) {
    return this.mail.sendOnce(eventKey, "n." + to.customer().value(), new DirectMail.Message(MailKind.NOTICE, to.customer(),
        to.id().value(), to.email(), mail.subject(), mail.text(), mail.html()));
  }
}
