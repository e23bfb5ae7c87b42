package nl.klantportaal.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event SES hands a Lambda action of a receipt rule: mail metadata, headers, verdicts, the action. */
final class SesReceiptEvent {

  private SesReceiptEvent() {}

  static byte[] of(SmtpListener.ReceivedMail mail, List<String> recipients, String messageId, String functionArn,
      String invocationType) {
    List<Map<String, String>> headers = headers(mail.raw());
    Instant now = Instant.now();
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("returnPath", mail.from());
    InboundMail.header(headers, "From").ifPresent(v -> common.put("from", addresses(v)));
    InboundMail.header(headers, "Date").ifPresent(v -> common.put("date", v));
    InboundMail.header(headers, "To").ifPresent(v -> common.put("to", addresses(v)));
    InboundMail.header(headers, "Cc").ifPresent(v -> common.put("cc", addresses(v)));
    InboundMail.header(headers, "Message-ID").ifPresent(v -> common.put("messageId", v));
    InboundMail.header(headers, "Subject").ifPresent(v -> common.put("subject", v));
    Map<String, Object> mailJson = new LinkedHashMap<>();
    mailJson.put("timestamp", now.toString());
    mailJson.put("source", mail.from());
    mailJson.put("messageId", messageId);
    mailJson.put("destination", mail.recipients());
    mailJson.put("headersTruncated", false);
    mailJson.put("headers", headers);
    mailJson.put("commonHeaders", common);
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("timestamp", now.toString());
    receipt.put("processingTimeMillis", 0);
    receipt.put("recipients", recipients);
    for (String verdict : VERDICTS) {
      receipt.put(verdict + "Verdict", Map.of("status", mail.verdicts().getOrDefault(verdict, "PASS")));
    }
    receipt.put("action", Map.of("type", "Lambda", "functionArn", functionArn, "invocationType", invocationType));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventSource", "aws:ses");
    record.put("eventVersion", "1.0");
    record.put("ses", Map.of("mail", mailJson, "receipt", receipt));
    try {
      return AwsJsonApi.JSON.writeValueAsBytes(Map.of("Records", List.of(record)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verdicts SES reports; the local port says PASS unless a test's {@link #VERDICTS_HEADER} says otherwise. */
  static final List<String> VERDICTS = List.of("spam", "virus", "spf", "dkim", "dmarc");

  /**
   * A header only the local SMTP port reads, and strips before it stores or hands on the mail: a test
   * sets the verdicts of one message ({@code X-Local-Ses-Verdicts: dkim=FAIL, dmarc=FAIL}).
   */
  static final String VERDICTS_HEADER = "X-Local-Ses-Verdicts";

  /** {@code mail} without {@link #VERDICTS_HEADER}, and the verdicts it set. */
  static SmtpListener.ReceivedMail withLocalVerdicts(SmtpListener.ReceivedMail mail) {
    String text = new String(mail.raw(), StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String block = end < 0 ? text : text.substring(0, end);
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?im)^" + VERDICTS_HEADER + ":([^\r\n]*)\r\n").matcher(
        block + "\r\n");
    if (!line.find()) {
      return mail;
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String part : line.group(1).split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2 && VERDICTS.contains(pair[0].trim().toLowerCase(java.util.Locale.ROOT))) {
        verdicts.put(pair[0].trim().toLowerCase(java.util.Locale.ROOT), pair[1].trim().toUpperCase(java.util.Locale.ROOT));
      }
    }
    String stripped = (block + "\r\n").substring(0, line.start()) + (block + "\r\n").substring(line.end());
    String raw = stripped.substring(0, stripped.length() - 2) + (end < 0 ? "" : text.substring(end));
    return new SmtpListener.ReceivedMail(mail.from(), mail.recipients(), raw.getBytes(StandardCharsets.ISO_8859_1), verdicts);
  }

  /** The header block of raw MIME, continuation lines unfolded. */
  static List<Map<String, String>> headers(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String block = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]+", " ");
    List<Map<String, String>> headers = new ArrayList<>();
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(Map.of("name", line.substring(0, colon).trim(), "value", line.substring(colon + 1).trim()));
      }
    }
    return headers;
  }

  private static List<String> addresses(String value) {
    return List.of(value.split("\\s*,\\s*"));
  }
}
