package nl.klantportaal.inboundmail.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;

/**
 * Which ticket a message answers, by the evidence in the order issue 16 names: the ticket token the
 * outgoing subjects carry ({@code [#<tenant>-<n>]}, {@code TicketMail}); then {@code In-Reply-To};
 * then {@code References}, newest first — each only when it is a Message-ID the portal sent
 * ({@link MailThreading}'s format, in our Message-ID domain). The first piece of evidence wins.
 */
public final class Threading {
  private static final Pattern TOKEN = Pattern.compile("\\[#([a-z0-9][a-z0-9-]{1,39}-\\d{1,12})\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

  private Threading() {}

  public enum Evidence { SUBJECT_TOKEN, IN_REPLY_TO, REFERENCES }

  public record Thread(TicketRef ticket, Evidence evidence) {}

  public static Optional<Thread> of(ParsedMail mail, String messageIdDomain) {
    return of(mail, messageIdDomain, ref -> true);
  }

  /**
   * The thread, from the evidence that names a ticket {@code candidate} allows: for a customer's mail, a ticket of its
   * own customer. Another system's token of the same form ({@code [#abc-123-45678]} of a supplier's helpdesk, in a
   * forwarded subject) is then no evidence, and the next piece is looked at.
   */
  public static Optional<Thread> of(ParsedMail mail, String messageIdDomain, java.util.function.Predicate<TicketRef> candidate) {
    Matcher token = TOKEN.matcher(mail.subject());
    while (token.find()) {
      Optional<TicketRef> ref = TicketRef.parse(token.group(1).toLowerCase(Locale.ROOT)).filter(candidate);
      if (ref.isPresent()) {
        return Optional.of(new Thread(ref.get(), Evidence.SUBJECT_TOKEN));
      }
    }
    for (String id : mail.inReplyTo()) {
      Optional<TicketRef> ref = ours(id, messageIdDomain).filter(candidate);
      if (ref.isPresent()) {
        return Optional.of(new Thread(ref.get(), Evidence.IN_REPLY_TO));
      }
    }
    List<String> references = new ArrayList<>(mail.references());
    java.util.Collections.reverse(references);
    for (String id : references) {
      Optional<TicketRef> ref = ours(id, messageIdDomain).filter(candidate);
      if (ref.isPresent()) {
        return Optional.of(new Thread(ref.get(), Evidence.REFERENCES));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code messageId} is one the portal sends: its format, in our Message-ID domain. */
  public static boolean isOurs(String messageId, String messageIdDomain) {
    return ours(messageId, messageIdDomain).isPresent();
  }

  private static Optional<TicketRef> ours(String messageId, String messageIdDomain) {
    String id = messageId.strip().toLowerCase(Locale.ROOT);
    if (!id.endsWith("@" + messageIdDomain.toLowerCase(Locale.ROOT) + ">")) {
      return Optional.empty();
    }
    return MailThreading.ticketOf(id).filter(k -> k.number() >= 1 && k.number() <= TicketNumber.MAX)
        .map(k -> new TicketRef(k.tenant(), new TicketNumber(k.number())));
  }

  /** The Message-IDs in a header value such as {@code References} ({@code <a@b> <c@d>}), in order. */
  public static List<String> messageIds(String headerValue) {
    List<String> ids = new ArrayList<>();
    Matcher m = MESSAGE_ID.matcher(headerValue == null ? "" : headerValue);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }
}
