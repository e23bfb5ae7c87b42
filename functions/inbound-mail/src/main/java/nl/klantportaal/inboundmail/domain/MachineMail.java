package nl.klantportaal.inboundmail.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mail that a machine sent: recorded, never answered, never a ticket (issue 16, "No loops"). The rules,
 * most reliable first; {@link #reason} names the first that matched:
 * <ol>
 *   <li>our own mail coming back: From one of our sending addresses, or a Message-ID of the portal's
 *       format and domain;</li>
 *   <li>bounces: {@code multipart/report} with {@code message/delivery-status}, an empty envelope
 *       sender or Return-Path, From {@code MAILER-DAEMON} or {@code postmaster}, and the subjects of
 *       common non-standard bounce formats (qmail, Exchange, Gmail, Postfix, Exim); any other
 *       {@code multipart/report} (read receipts, abuse feedback) as a report;</li>
 *   <li>auto-replies: RFC 3834 {@code Auto-Submitted} other than {@code no}, {@code X-Autoreply},
 *       {@code X-Autorespond}, {@code X-Auto-Response-Suppress} (other than {@code None}),
 *       {@code Precedence} bulk/junk/list/auto_reply;</li>
 *   <li>list mail: {@code List-Id}, then {@code List-Unsubscribe} (newsletters of bulk senders that set no
 *       {@code List-Id}; a person's mail client never writes it);</li>
 *   <li>as a last resort, out-of-office subjects in Dutch, English and German.</li>
 * </ol>
 */
public final class MachineMail {
  private static final Pattern DAEMON = Pattern.compile("mailer-daemon|postmaster|mail-daemon|mailerdaemon");
  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "^(undeliver(able|ed)( mail)?|undelivered mail returned to sender|delivery status notification"
          + "|mail delivery (failed|failure|subsystem)|delivery (failure|has failed|failed)|failure notice|returned mail"
          + "|non[- ]?delivery report|onbestelbaar|niet bezorgd|unzustellbar|nicht zustellbar|warning: could not send message"
          + "|message not delivered|delayed mail|mail delivery delayed)\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern OUT_OF_OFFICE = Pattern.compile(
      "^\\s*(automatic reply|auto[- ]?reply|auto[- ]?response|autosvar|out of (the )?office( reply| autoreply| notice| notification)?"
          + "|ooo|away from (the )?office|on vacation|vacation reply|abwesend|abwesenheitsnotiz|abwesenheitsmeldung|abwesenheit"
          + "|automatische antwort|automatische r[uü]ckantwort|urlaubsvertretung|im urlaub|nicht im b[uü]ro"
          + "|afwezig|afwezigheidsbericht|afwezigheidsmelding|automatisch antwoord|automatische reactie|automatisch bericht"
          + "|niet aanwezig|buiten kantoor|met vakantie)\\s*[:\\-–(\\[].*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private MachineMail() {}

  /** What tells us the portal itself sent mail: its sending domain and its Message-ID domain. */
  public record OwnMail(java.util.Set<String> senderAddresses, String messageIdDomain) {
    public OwnMail {
      senderAddresses = senderAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
      messageIdDomain = messageIdDomain.toLowerCase(Locale.ROOT);
    }
  }

  /** Why {@code mail} is a machine's, or empty when a person seems to have written it. */
  public static Optional<String> reason(ParsedMail mail, String envelopeSender, OwnMail own) {
    if (mail.from().filter(own.senderAddresses()::contains).isPresent()) {
      return Optional.of("own-sender-address");
    }
    if (mail.messageId().filter(id -> Threading.isOurs(id, own.messageIdDomain())).isPresent()) {
      return Optional.of("own-message-id");
    }
    if (mail.deliveryReport()) {
      return Optional.of("delivery-report");
    }
    if (mail.firstHeader("Content-Type").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> v.startsWith("multipart/report")).isPresent()) {
      return Optional.of("report"); // a read receipt (disposition notification), an abuse or TLS report
    }
    String envelope = envelopeSender == null ? "" : envelopeSender.strip();
    if (envelope.isEmpty() || envelope.equals("<>") || mail.header("Return-Path").stream().anyMatch(v -> v.strip().equals("<>"))) {
      return Optional.of("null-sender");
    }
    if (mail.fromLocalPart().filter(l -> DAEMON.matcher(l).matches()).isPresent()
        || DAEMON.matcher(localPart(envelope)).matches()) {
      return Optional.of("mailer-daemon");
    }
    if (BOUNCE_SUBJECT.matcher(mail.subject().strip()).matches()) {
      return Optional.of("bounce-subject");
    }
    Optional<String> autoSubmitted = mail.firstHeader("Auto-Submitted").map(v -> v.toLowerCase(Locale.ROOT));
    if (autoSubmitted.filter(v -> !v.isEmpty() && !v.startsWith("no")).isPresent()) {
      return Optional.of("auto-submitted");
    }
    if (!mail.header("X-Autoreply").isEmpty() || !mail.header("X-Autorespond").isEmpty()
        || !mail.header("X-Autoresponder").isEmpty()) {
      return Optional.of("x-autoreply");
    }
    if (mail.firstHeader("X-Auto-Response-Suppress").filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("none")).isPresent()) {
      return Optional.of("auto-response-suppress");
    }
    if (mail.firstHeader("Precedence").map(v -> v.toLowerCase(Locale.ROOT))
        .filter(v -> v.equals("bulk") || v.equals("junk") || v.equals("list") || v.equals("auto_reply")).isPresent()) {
      return Optional.of("precedence");
    }
    if (!mail.header("List-Id").isEmpty()) {
      return Optional.of("list-id");
    }
    if (!mail.header("List-Unsubscribe").isEmpty()) {
      return Optional.of("list-unsubscribe"); // bulk senders' newsletters: no List-Id, no Precedence
    }
    if (OUT_OF_OFFICE.matcher(mail.subject()).matches()) {
      return Optional.of("out-of-office-subject");
    }
    return Optional.empty();
  }

  private static String localPart(String address) {
    String a = address.replaceAll("^.*<|>.*$", "").toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    return at < 0 ? a : a.substring(0, at);
  }
}
