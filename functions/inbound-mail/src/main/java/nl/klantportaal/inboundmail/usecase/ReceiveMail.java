package nl.klantportaal.inboundmail.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.inboundmail.domain.HeldMail;
import nl.klantportaal.inboundmail.domain.MachineMail;
import nl.klantportaal.inboundmail.domain.MailAttachments;
import nl.klantportaal.inboundmail.domain.MailText;
import nl.klantportaal.inboundmail.domain.Outcome;
import nl.klantportaal.inboundmail.domain.ParsedMail;
import nl.klantportaal.inboundmail.domain.Threading;
import nl.klantportaal.inboundmail.domain.Verdicts;
import nl.klantportaal.inboundmail.port.InboundLedger;
import nl.klantportaal.inboundmail.port.SenderReplies;
import nl.klantportaal.inboundmail.port.MailParser;
import nl.klantportaal.inboundmail.port.RawMailStore;
import nl.klantportaal.ticketing.domain.Category;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.ticketing.usecase.AttachReceivedFile;
import nl.klantportaal.ticketing.usecase.ChangeTicketStatus;
import nl.klantportaal.ticketing.usecase.CreateTicket;
import nl.klantportaal.ticketing.usecase.NewTicketInput;
import nl.klantportaal.ticketing.usecase.ReplyToTicket;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received message, end to end (docs/inbound-mail.md): read the raw MIME, parse it, claim its
 * Message-ID (a duplicate delivery ends here), then decide: a machine's mail is recorded; a sender we
 * cannot trust (SES verdicts), an unknown, pending or deactivated sender is held for staff; a
 * linked, active customer user or admin gets a reply on the ticket the mail threads to, a follow-up
 * when that ticket is closed, or a new ticket; provider staff get a reply on the ticket their mail
 * threads to (held when it threads to none). Everything goes through ticketing's use cases as that
 * user, with source {@code email}. The mail's files are checked by the portal's attachment rules
 * before the ticket or reply is written (the refused ones are listed in its text) and stored as the
 * ticket's attachments after it, uploaded by the sender.
 */
public final class ReceiveMail {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiveMail.class);
  /** The category of a ticket raised by mail while the catalogue offers it; otherwise the first active one. */
  static final String MAIL_CATEGORY = "other";

  private final RawMailStore store;
  private final MailParser parser;
  private final InboundLedger ledger;
  private final UserRepository users;
  private final TicketAccess access;
  private final CreateTicket create;
  private final ReplyToTicket reply;
  private final ChangeTicketStatus status;
  private final AttachReceivedFile attach;
  private final SenderReplies replies;
  private final CatalogueRepository catalogue;
  private final OwnSenders own;
  private final RecordBounces bounces;
  private final Clock clock;

  public ReceiveMail(RawMailStore store, MailParser parser, InboundLedger ledger, UserRepository users, TicketAccess access,
      CreateTicket create, ReplyToTicket reply, ChangeTicketStatus status, AttachReceivedFile attach, CatalogueRepository catalogue,
      OwnSenders own, SenderReplies replies, RecordBounces bounces, Clock clock) {
    this.store = store;
    this.parser = parser;
    this.ledger = ledger;
    this.users = users;
    this.access = access;
    this.create = create;
    this.reply = reply;
    this.status = status;
    this.attach = attach;
    this.replies = replies;
    this.catalogue = catalogue;
    this.own = own;
    this.bounces = bounces;
    this.clock = clock;
  }

  /** What SES tells about a message: its id (the S3 key's last part), the envelope sender and its verdicts. */
  public record Received(String sesMessageId, String rawKey, String envelopeSender, Verdicts verdicts) {}

  public Outcome execute(Received received) {
    ParsedMail mail = parser.parse(store.read(received.rawKey()));
    String messageId = mail.messageId().orElseGet(() -> contentId(mail));
    String key = messageKey(mail);
    Instant now = clock.instant();
    InboundLedger.Claim claim = ledger.claim(key, received.rawKey(), now);
    switch (claim) {
      case InboundLedger.Claim.Done done -> {
        return new Outcome.Duplicate(done.outcome());
      }
      case InboundLedger.Claim.Busy busy ->
          throw new IllegalStateException("Message " + received.sesMessageId() + " is being handled by another attempt");
      case InboundLedger.Claim.Fresh fresh -> { }
    }
    Outcome outcome = decide(mail, messageId, key, received);
    Optional<HeldMail> held = outcome instanceof Outcome.Held h
        ? Optional.of(new HeldMail(messageId, mail.from().orElse(""), MailText.oneLine(mail.subject(), 200), h.reason(),
            received.verdicts().toString(), received.rawKey(), now))
        : Optional.empty();
    ledger.complete(key, outcome, held, clock.instant());
    return outcome;
  }

  /**
   * What the ledger knows a message by (and what its files' ids and the follow-up notice are made from): its
   * Message-ID with a digest of its content, since some senders reuse one Message-ID for different messages (a
   * scanner, a script, a copied template) and each must still be handled; without a Message-ID, the content alone
   * ({@link #contentId}). The same message delivered again has the same key.
   */
  public static String messageKey(ParsedMail mail) {
    return mail.messageId().map(id -> id + " " + contentDigest(mail)).orElseGet(() -> contentId(mail));
  }

  /**
   * The key of a message without a Message-ID, made from what the sender wrote, so the same message delivered again
   * is known as such; SES gives each delivery its own id, which would make every delivery a new ticket.
   */
  public static String contentId(ParsedMail mail) {
    return "<" + contentDigest(mail) + "@no-message-id.inbound>";
  }

  /**
   * From, Date, Subject, the text (line ends as one: transport may change them) and the files' names and sizes (those
   * that could not be read too: an unreadable winmail.dat).
   */
  private static String contentDigest(ParsedMail mail) {
    StringBuilder content = new StringBuilder();
    content.append(mail.from().orElse("")).append('\n').append(mail.firstHeader("Date").orElse("")).append('\n')
        .append(mail.subject()).append('\n').append(mail.text().replace("\r\n", "\n").replace('\r', '\n').strip());
    mail.attachments().forEach(f -> content.append('\n').append(f.fileName()).append(' ').append(f.size()));
    mail.unread().forEach(u -> content.append('\n').append(u.fileName()).append(' ').append(u.size()));
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private Outcome decide(ParsedMail mail, String messageId, String key, Received received) {
    MachineMail.OwnMail own = this.own.current();
    Optional<String> machine = MachineMail.reason(mail, received.envelopeSender(), own);
    if (machine.isPresent()) {
      // Never answered; a genuine bounce of our mail marks the addresses that failed for good.
      int marked = bounces.record(mail, received.verdicts(), clock.instant());
      return new Outcome.Machine(marked == 0 ? machine.get() : machine.get() + "; " + marked + " address(es) marked failing");
    }
    if (received.verdicts().trust(mail).isEmpty()) {
      return new Outcome.Held("untrusted-sender");
    }
    String from = mail.from().orElseThrow();
    List<UserProfile> matches = users.withEmail(from);
    if (matches.isEmpty()) {
      replies.replyOncePerDay(from, clock.instant());
      return new Outcome.Held("unknown-sender");
    }
    if (matches.size() != 1) {
      return new Outcome.Held("ambiguous-sender");
    }
    UserProfile sender = matches.get(0);
    if (sender.membership() instanceof Membership.Pending) {
      replies.replyOncePerDay(from, clock.instant());
    }
    if (sender.membership() instanceof Membership.ProviderStaff staff) {
      return staffReply(sender, staff, mail, messageId, key);
    }
    if (!(sender.membership() instanceof Membership.CustomerMember member)) {
      return new Outcome.Held(switch (sender.membership()) {
        case Membership.Pending p -> "pending-sender";
        case Membership.ProviderStaff s -> "staff-sender";
        case Membership.Deactivated d -> "deactivated-sender";
        case Membership.CustomerMember m -> throw new IllegalStateException();
      });
    }
    Caller caller = new Caller(sender.id(), Optional.of(member.customer()), member.role(), true, Optional.of(sender.email()));
    MailAttachments files = MailAttachments.check(key, mail.attachments());
    Outcome written;
    try {
      written = write(caller, mail, files);
    } catch (DomainException.NotFound e) {
      return new Outcome.Held("ticket-not-visible");
    } catch (DomainException.InvalidInput | DomainException.Forbidden e) {
      LOG.warn("Mail refused by the ticket rules: {}", e.getMessage());
      return new Outcome.Held("refused-by-ticket-rules");
    }
    TicketRef ticket = switch (written) {
      case Outcome.Created c -> c.ticket();
      case Outcome.FollowUp f -> f.ticket();
      case Outcome.Reopened r -> r.ticket();
      case Outcome.Replied r -> r.ticket();
      default -> throw new IllegalStateException("Not a ticket write: " + written);
    };
    // After the write, outside its refusals: a failure here throws, so Lambda retries; the ids make a retry harmless.
    attachAll(caller, ticket, files, messageId);
    if (written instanceof Outcome.Created created) {
      // A new ticket from the sender's own mail brings them no ticket mail: they hear its number here (once per message).
      replies.ticketReceived(key, new SenderReplies.Received(member.customer(), sender.id(), sender.email(),
          sender.name().display(), sender.language(), created.ticket(), MailText.title(mail)));
    }
    if (written instanceof Outcome.FollowUp followUp) {
      // The sender wrote to a closed ticket: they hear which new ticket their mail became (once per message).
      replies.followUpCreated(key, new SenderReplies.FollowUp(member.customer(), sender.id(), sender.email(),
          sender.name().display(), sender.language(), followUp.of(), followUp.ticket(), MailText.followUpTitle(mail, followUp.of().token())));
    }
    return written;
  }

  /**
   * Provider staff answering a ticket mail by mail (its Reply-To is the support address): a public
   * reply on the ticket the mail threads to, with its files, as that staff member (source e-mail), so
   * the customer hears of it like any reply. A staff mail that threads to no ticket, or to a closed one,
   * is held: staff raise tickets for a customer in the portal or from the held mail, where the customer
   * is chosen.
   */
  private Outcome staffReply(UserProfile sender, Membership.ProviderStaff staff, ParsedMail mail, String messageId,
      String key) {
    Optional<Threading.Thread> thread = Threading.of(mail, own.messageIdDomain());
    if (thread.isEmpty()) {
      return new Outcome.Held("staff-sender");
    }
    Caller caller = new Caller(sender.id(), Optional.empty(), staff.role(), true, Optional.of(sender.email()));
    TicketRef ref = thread.get().ticket();
    MailAttachments files = MailAttachments.check(key, mail.attachments());
    String text = MailText.body(mail, MailText.MAX_BODY, files.refused());
    try {
      if (access.visible(caller, ref).status() == TicketStatus.CLOSED) {
        return new Outcome.Held("staff-reply-to-closed-ticket");
      }
      reply.execute(caller, ref, new ReplyToTicket.ReplyInput(text, false), TicketSource.EMAIL);
    } catch (DomainException.NotFound e) {
      return new Outcome.Held("ticket-not-visible");
    } catch (DomainException.InvalidInput | DomainException.Forbidden e) {
      LOG.warn("Staff mail refused by the ticket rules: {}", e.getMessage());
      return new Outcome.Held("refused-by-ticket-rules");
    }
    LOG.info("Staff mail threaded to ticket by {}", thread.get().evidence());
    attachAll(caller, ref, files, messageId);
    return new Outcome.Replied(ref);
  }

  /**
   * A new ticket, a follow-up of a closed one, the reopening of a resolved one, or a reply. Quoted history is cut from
   * the text, except that a new ticket from a forwarded mail keeps what was forwarded.
   */
  private Outcome write(Caller caller, ParsedMail mail, MailAttachments files) {
    // Only a ticket of the sender's own customer: a token of that form from another system makes a new ticket, not a held mail.
    Optional<Threading.Thread> thread = Threading.of(mail, own.messageIdDomain(),
        ref -> caller.tenant().map(ref.tenant()::equals).orElse(true));
    if (thread.isEmpty()) {
      String whole = MailText.body(mail, MailText.MAX_BODY, files.refused(), MailText.forwarded(mail));
      return new Outcome.Created(newTicket(caller, mail, whole, Optional.empty()).ref());
    }
    String text = MailText.body(mail, MailText.MAX_BODY, files.refused());
    TicketRef ref = thread.get().ticket();
    Ticket ticket = access.visible(caller, ref);
    if (ticket.status() == TicketStatus.CLOSED) {
      return new Outcome.FollowUp(newTicket(caller, mail, text, Optional.of(ref)).ref(), ref);
    }
    if (ticket.status() == TicketStatus.RESOLVED) {
      // A reply to a proposed solution says it is not solved: the customer's rejection, with the mail as its reason.
      status.execute(caller, ref, new ChangeTicketStatus.TransitionInput("reject", text, ticket.version()), TicketSource.EMAIL);
      LOG.info("Mail threaded to a resolved ticket by {}: reopened", thread.get().evidence());
      return new Outcome.Reopened(ref);
    }
    reply.execute(caller, ref, new ReplyToTicket.ReplyInput(text, false), TicketSource.EMAIL);
    LOG.info("Mail threaded to ticket by {}", thread.get().evidence());
    return new Outcome.Replied(ref);
  }

  /**
   * The accepted files as the ticket's attachments, one at a time (each file's bytes are copied only
   * while it is stored), uploaded by the sender; the audit entry says they came by e-mail.
   */
  private void attachAll(Caller caller, TicketRef ticket, MailAttachments files, String messageId) {
    Map<String, String> origin = Map.of("source", TicketSource.EMAIL.wireName(), "mailMessageId", MailText.oneLine(messageId, 200));
    for (MailAttachments.Accepted file : files.accepted()) {
      var outcome = attach.execute(caller, ticket, new AttachReceivedFile.ReceivedFile(file.id(), file.file().fileName(),
          file.file().contentType(), file.file().bytes(), origin));
      switch (outcome) {
        case AttachReceivedFile.Outcome.Added added -> LOG.info("Mail attachment stored: {} bytes", added.attachment().size());
        case AttachReceivedFile.Outcome.AlreadyThere there -> LOG.info("Mail attachment was stored before (a repeated delivery)");
        case AttachReceivedFile.Outcome.Refused refused ->
            // The same rules passed on the file's head a moment ago; bytes that changed since are a bug, not a refusal to list.
            throw new IllegalStateException("A checked mail attachment was refused when stored: " + refused.refusal().reason());
      }
    }
  }

  private Ticket newTicket(Caller caller, ParsedMail mail, String text, Optional<TicketRef> followUpOf) {
    var known = catalogue.load();
    String category = known.activeCategory(MAIL_CATEGORY).map(Category::id)
        .or(() -> known.categories().stream().filter(Category::active).map(Category::id).findFirst())
        .orElseThrow(() -> new IllegalStateException("The catalogue has no active category for mail tickets"));
    String title = followUpOf.map(closed -> MailText.followUpTitle(mail, closed.token())).orElseGet(() -> MailText.title(mail));
    return create.execute(caller, new NewTicketInput("question", category, null, title,
        text, null, null, null, followUpOf.map(r -> r.number().value()).orElse(null),
        null, null, null), TicketSource.EMAIL);
  }
}
