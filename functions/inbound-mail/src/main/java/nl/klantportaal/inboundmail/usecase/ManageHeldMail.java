package nl.klantportaal.inboundmail.usecase;

import java.time.Clock;
import java.util.Map;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.inboundmail.domain.MailAttachments;
import nl.klantportaal.inboundmail.domain.MailText;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import nl.klantportaal.inboundmail.port.HeldMessages;
import nl.klantportaal.inboundmail.port.MailParser;
import nl.klantportaal.inboundmail.port.RawMailStore;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.ticketing.usecase.AttachReceivedFile;
import nl.klantportaal.ticketing.usecase.CreateTicket;
import nl.klantportaal.ticketing.usecase.NewTicketInput;

/**
 * Provider staff handle the mail held for them (an unknown, pending or unverified sender): they see it,
 * and either make it a ticket of a customer they choose, reported by a member of that customer they
 * choose (the staff member raises it on the reporter's behalf, source e-mail, with the mail's files), or
 * discard it. Each held message is handled once; the raw mail stays in the inbound bucket.
 */
public final class ManageHeldMail {
  public static final int LIST_LIMIT = 100;
  private final HeldMessages held;
  private final RawMailStore store;
  private final MailParser parser;
  private final CreateTicket create;
  private final AttachReceivedFile attach;
  private final CatalogueRepository catalogue;
  private final Clock clock;

  public ManageHeldMail(HeldMessages held, RawMailStore store, MailParser parser, CreateTicket create, AttachReceivedFile attach,
      CatalogueRepository catalogue, Clock clock) {
    this.held = held;
    this.store = store;
    this.parser = parser;
    this.create = create;
    this.attach = attach;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** {@code POST /inbound/held/{heldId}/ticket}: the customer and the reporter (a member of it) the mail is for. */
  public record TicketInput(String customerId, String reporterId) {}

  public HeldMessages.Listing waiting() {
    return held.waiting(LIST_LIMIT);
  }

  public void discard(Caller staff, String id) {
    held.find(id).orElseThrow(() -> new DomainException.NotFound("Held mail"));
    if (!held.handle(id, "discarded", staff.userId().value(), clock.instant())) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "Someone handled this mail already");
    }
  }

  public Ticket ticket(Caller staff, String id, TicketInput input) {
    Validation v = new Validation();
    v.requiredText("customerId", input == null ? null : input.customerId(), 64);
    v.requiredText("reporterId", input == null ? null : input.reporterId(), 64);
    v.throwIfInvalid();
    HeldMessages.Held message = held.find(id).orElseThrow(() -> new DomainException.NotFound("Held mail"));
    ParsedMail mail = parser.parse(store.read(message.mail().rawKey()));
    MailAttachments files = MailAttachments.check(message.mail().messageId(), mail.attachments());
    String text = MailText.body(mail, MailText.MAX_BODY, files.refused());
    var known = catalogue.load();
    String category = known.activeCategory(ReceiveMail.MAIL_CATEGORY).map(Category::id)
        .or(() -> known.categories().stream().filter(Category::active).map(Category::id).findFirst())
        .orElseThrow(() -> new IllegalStateException("The catalogue has no active category for mail tickets"));
    // Claim first, so two staff members cannot both make a ticket of it; the ticket rules then check the choice.
    if (!held.handle(id, "ticket " + input.customerId(), staff.userId().value(), clock.instant())) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "Someone handled this mail already");
    }
    Ticket ticket;
    try {
      ticket = create.execute(staff, new NewTicketInput("question", category, null, MailText.title(mail), text, null, null, null,
          null, input.customerId(), input.reporterId(), TicketSource.EMAIL.wireName()), TicketSource.EMAIL);
    } catch (RuntimeException e) {
      held.release(id);
      throw e;
    }
    var origin = Map.of("source", TicketSource.EMAIL.wireName(), "mailMessageId", MailText.oneLine(message.mail().messageId(), 200));
    for (MailAttachments.Accepted file : files.accepted()) {
      attach.execute(staff, ticket.ref(), new AttachReceivedFile.ReceivedFile(file.id(), file.file().fileName(),
          file.file().contentType(), file.file().bytes(), origin));
    }
    return ticket;
  }
}
