package nl.klantportaal.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * SES's records for the mailbox simulator (AWS docs "Using the mailbox simulator"; the records as in
 * "Contents of event data that Amazon SES publishes to Amazon SNS"), and the SNS event Lambda gets.
 * {@code bounce@simulator.amazonses.com} (also with a {@code +label}) bounces for good, as an unknown
 * user does ({@code 5.1.1}); {@code complaint@simulator.amazonses.com} is accepted and then complained
 * about ({@code abuse}); every other address is delivered and publishes nothing here.
 */
final class SesEvents {
  static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";

  /** What the mailbox simulator does with mail to one address. */
  enum Simulation {
    BOUNCE("bounce"), COMPLAINT("complaint"), NONE("");

    /** The configuration set's MatchingEventTypes value that selects it. */
    final String eventType;

    Simulation(String eventType) {
      this.eventType = eventType;
    }

    static Simulation of(String address) {
      String a = address.strip().toLowerCase(Locale.ROOT);
      int at = a.lastIndexOf('@');
      if (at < 0 || !a.substring(at + 1).equals(SIMULATOR_DOMAIN)) {
        return NONE;
      }
      String local = a.substring(0, at);
      int plus = local.indexOf('+');
      return switch (plus < 0 ? local : local.substring(0, plus)) {
        case "bounce" -> BOUNCE;
        case "complaint" -> COMPLAINT;
        default -> NONE;
      };
    }
  }

  private SesEvents() {}

  /** The event record (eventType Bounce or Complaint) for one simulated recipient of {@code mail}. */
  static ObjectNode record(SesFront.SentMail mail, String recipient, Simulation simulation, Instant at) {
    ObjectNode record = AwsJsonApi.JSON.createObjectNode();
    String feedbackId = "0102" + UUID.randomUUID().toString().replace("-", "") + "-000000";
    switch (simulation) {
      case BOUNCE -> {
        record.put("eventType", "Bounce");
        ObjectNode bounce = record.putObject("bounce");
        bounce.put("feedbackId", feedbackId);
        bounce.put("bounceType", "Permanent");
        bounce.put("bounceSubType", "General");
        bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient).put("action", "failed")
            .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
        bounce.put("timestamp", iso(at));
        bounce.put("reportingMTA", "dsn; " + SIMULATOR_DOMAIN);
      }
      case COMPLAINT -> {
        record.put("eventType", "Complaint");
        ObjectNode complaint = record.putObject("complaint");
        complaint.put("feedbackId", feedbackId);
        complaint.putNull("complaintSubType");
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
        complaint.put("timestamp", iso(at));
        complaint.put("userAgent", "Amazon SES Mailbox Simulator");
        complaint.put("complaintFeedbackType", "abuse");
        complaint.put("arrivalDate", iso(mail.timestamp()));
      }
      case NONE -> throw new IllegalArgumentException("The simulator publishes nothing for " + recipient);
    }
    record.set("mail", mailObject(mail));
    return record;
  }

  private static ObjectNode mailObject(SesFront.SentMail mail) {
    ObjectNode object = AwsJsonApi.JSON.createObjectNode();
    String fromDomain = domain(SesFront.addresses(mail.source()).stream().findFirst().orElse(mail.source()));
    object.put("timestamp", iso(mail.timestamp()));
    object.put("source", mail.source());
    object.put("sourceArn", "arn:aws:ses:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":identity/" + fromDomain);
    object.put("sendingAccountId", AwsClients.ACCOUNT);
    object.put("messageId", mail.messageId());
    ArrayNode destination = object.putArray("destination");
    mail.destination().forEach(destination::add);
    object.put("headersTruncated", false);
    ArrayNode headers = object.putArray("headers");
    mail.headers().forEach(h -> headers.addObject().put("name", h.get("name")).put("value", h.get("value")));
    ObjectNode common = object.putObject("commonHeaders");
    mail.header("From").ifPresent(from -> common.putArray("from").add(from));
    addAll(common, "to", mail.header("To"));
    addAll(common, "cc", mail.header("Cc"));
    mail.header("Date").ifPresent(date -> common.put("date", date));
    common.put("messageId", mail.header("Message-ID").map(String::strip).orElse(mail.messageId()));
    mail.header("Subject").ifPresent(subject -> common.put("subject", subject));
    ObjectNode tags = object.putObject("tags");
    mail.configurationSet().ifPresent(set -> tags.putArray("ses:configuration-set").add(set));
    tags.putArray("ses:source-ip").add("127.0.0.1");
    tags.putArray("ses:from-domain").add(fromDomain);
    tags.putArray("ses:caller-identity").add("local");
    return object;
  }

  /**
   * The event Lambda gets for one SNS message ({@code Records[0].Sns}), as SNS delivers it to a
   * subscribed function: Type Notification, no Subject, the record as the Message string.
   */
  static ObjectNode snsEvent(String topicArn, String message, Instant at) {
    ObjectNode event = AwsJsonApi.JSON.createObjectNode();
    ObjectNode record = event.putArray("Records").addObject();
    record.put("EventSource", "aws:sns");
    record.put("EventVersion", "1.0");
    record.put("EventSubscriptionArn", topicArn + ":" + UUID.randomUUID());
    ObjectNode sns = record.putObject("Sns");
    sns.put("Type", "Notification");
    sns.put("MessageId", UUID.randomUUID().toString());
    sns.put("TopicArn", topicArn);
    sns.putNull("Subject");
    sns.put("Message", message);
    sns.put("Timestamp", iso(at));
    sns.put("SignatureVersion", "1");
    sns.put("Signature", "LOCAL");
    sns.put("SigningCertUrl", "https://sns." + AwsClients.REGION + ".amazonaws.com/SimpleNotificationService-local.pem");
    sns.put("UnsubscribeUrl", "https://sns." + AwsClients.REGION + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
        + record.path("EventSubscriptionArn").asText());
    sns.putObject("MessageAttributes");
    return event;
  }

  private static void addAll(ObjectNode common, String field, Optional<String> header) {
    header.ifPresent(value -> {
      ArrayNode list = common.putArray(field);
      List.of(value.split(",")).forEach(v -> list.add(v.strip()));
    });
  }

  private static String domain(String address) {
    return address.substring(address.lastIndexOf('@') + 1).replace(">", "").strip();
  }

  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  /** SES's and SNS's timestamps: ISO 8601 with milliseconds, UTC. */
  static String iso(Instant at) {
    return MILLIS.format(at);
  }
}
