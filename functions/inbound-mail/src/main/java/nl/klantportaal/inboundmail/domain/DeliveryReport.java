package nl.klantportaal.inboundmail.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-recipient results of a bounce: the {@code message/delivery-status} part of a delivery status
 * notification (RFC 3464: a per-message block, then one block per recipient with {@code
 * Final-Recipient}, {@code Action}, {@code Status} and {@code Diagnostic-Code}), or, for servers that
 * send none (Exim's plain bounces), the {@code X-Failed-Recipients} header, which Exim writes for
 * permanent failures only. qmail's plain-text bounces carry neither and mark nothing.
 */
public record DeliveryReport(List<Recipient> recipients) {
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>;\"]+@[^\\s<>;\"]+");
  private static final Pattern STATUS = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

  public DeliveryReport {
    recipients = List.copyOf(recipients);
  }

  /** One recipient's result: its address, the action ({@code failed}, {@code delayed}, ...), the status and the server's words. */
  public record Recipient(String address, String action, String status, String diagnostic) {
    /** A permanent failure: the action failed with a 5.x.x status (a 4.x.x one may still be delivered). */
    public boolean permanentFailure() {
      return action.equalsIgnoreCase("failed") && status.startsWith("5.");
    }

    /** The status and the diagnostic, for staff to read why. */
    public String reason() {
      return (status + " " + diagnostic).strip();
    }
  }

  /** The recipients whose delivery failed for good. */
  public List<Recipient> permanentFailures() {
    return recipients.stream().filter(Recipient::permanentFailure).toList();
  }

  /** Reads a {@code message/delivery-status} body: blocks of header fields separated by blank lines, folded lines joined. */
  public static DeliveryReport parse(String deliveryStatus) {
    List<Recipient> recipients = new ArrayList<>();
    for (String block : deliveryStatus.replace("\r\n", "\n").split("\n\\s*\n")) {
      Map<String, String> fields = fields(block);
      Optional<String> address = address(fields.get("final-recipient")).or(() -> address(fields.get("original-recipient")));
      if (address.isEmpty()) {
        continue; // the per-message block, or a recipient block without an address we can use
      }
      String status = Optional.ofNullable(fields.get("status")).map(DeliveryReport::status).orElse("");
      recipients.add(new Recipient(address.get(), fields.getOrDefault("action", "").strip(), status,
          after(fields.getOrDefault("diagnostic-code", ""))));
    }
    return new DeliveryReport(recipients);
  }

  /**
   * Exim's {@code X-Failed-Recipients} (permanent failures, comma separated), with the first 5.x.x
   * status of the bounce's text when it has one.
   */
  public static DeliveryReport fromFailedRecipients(List<String> headerValues, String text) {
    Matcher status = STATUS.matcher(text);
    String code = "5.0.0";
    while (status.find()) {
      if (status.group(1).equals("5")) {
        code = status.group();
        break;
      }
    }
    List<Recipient> recipients = new ArrayList<>();
    for (String value : headerValues) {
      for (String part : value.split(",")) {
        Optional<String> address = address(part);
        if (address.isPresent()) {
          recipients.add(new Recipient(address.get(), "failed", code, "X-Failed-Recipients"));
        }
      }
    }
    return new DeliveryReport(recipients);
  }

  private static Map<String, String> fields(String block) {
    Map<String, String> fields = new LinkedHashMap<>();
    String name = null;
    for (String line : block.split("\n")) {
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
        fields.merge(name, " " + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      fields.put(name, line.substring(colon + 1).strip());
    }
    return fields;
  }

  /** {@code rfc822; <jan@example.test>} → {@code jan@example.test} (lower case). */
  private static Optional<String> address(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = ADDRESS.matcher(after(value));
    return m.find() ? Optional.of(m.group().toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  private static String status(String value) {
    Matcher m = STATUS.matcher(value);
    return m.find() ? m.group() : value.strip();
  }

  /** The value after an RFC 3464 type ({@code rfc822;}, {@code smtp;}), trimmed. */
  private static String after(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon >= 0 && semicolon < 12 ? value.substring(semicolon + 1) : value).strip();
  }
}
