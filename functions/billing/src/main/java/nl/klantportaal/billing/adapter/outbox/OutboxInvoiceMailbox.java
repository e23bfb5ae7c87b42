package nl.klantportaal.billing.adapter.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.billing.port.InvoiceMailbox;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.ParagraphMail;
import nl.klantportaal.notifications.usecase.DirectMail;

/**
 * Invoice mail through the portal's outbox as {@link MailKind#INVOICE}, which the notifications send
 * from the administrative sender (ADMIN_SENDER_ADDRESS). A billing contact without an account is keyed
 * by its address (lower case), so each gets the invoice once too.
 */
public final class OutboxInvoiceMailbox implements InvoiceMailbox {
  private final UserRepository users;
  private final DirectMail mail;

  public OutboxInvoiceMailbox(UserRepository users, DirectMail mail) {
    this.users = users;
    this.mail = mail;
  }

  @Override
  public List<Recipient> billingContacts(TenantId tenant, List<String> billingEmails, Language customerLanguage) {
    if (billingEmails.isEmpty()) {
      return admins(tenant);
    }
    return billingEmails.stream().map(address -> {
      // A contact who is also a user of this customer is addressed by name, in their own language.
      Optional<UserProfile> user = users.withEmail(address).stream().filter(u -> memberOf(u, tenant)).findFirst();
      return user.map(OutboxInvoiceMailbox::recipient).orElseGet(() -> new Recipient("contact:" + address.toLowerCase(Locale.ROOT),
          address, greeting(customerLanguage), customerLanguage));
    }).toList();
  }

  @Override
  public List<Recipient> admins(TenantId tenant) {
    List<Recipient> admins = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<UserProfile> page = users.ofCustomer(tenant, new PageRequest(cursor, 100));
      for (UserProfile user : page.items()) {
        if (!user.isDeactivated() && user.membership() instanceof Membership.CustomerMember m && m.role() == Role.CUSTOMER_ADMIN) {
          admins.add(recipient(user));
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return admins;
  }

  @Override
  public boolean send(String eventKey, TenantId tenant, Recipient to, ParagraphMail rendered, Optional<Attachment> attachment) {
    return mail.sendOnce(eventKey, "i." + tenant.value(), new DirectMail.Message(MailKind.INVOICE, tenant, to.id(), to.email(),
        rendered.subject(), rendered.text(), rendered.html(),
        attachment.map(a -> new MailSender.Attachment(a.fileName(), "application/pdf", a.pdf()))));
  }

  private static boolean memberOf(UserProfile user, TenantId tenant) {
    return user.membership() instanceof Membership.CustomerMember m && m.customer().equals(tenant);
  }

  private static Recipient recipient(UserProfile user) {
    return new Recipient(user.id().value(), user.email(), user.name().display(), user.language());
  }

  /** "Beste relatie," / "Dear customer," / "Guten Tag,": a contact the portal knows by address only. */
  private static String greeting(Language language) {
    return switch (language) {
      case NL -> "relatie";
      case EN -> "customer";
      case DE -> "";
    };
  }
}
