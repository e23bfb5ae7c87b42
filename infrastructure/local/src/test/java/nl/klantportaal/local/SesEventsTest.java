package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * The local fake of SES event publishing, without a cloud: the mailbox simulator's addresses, what the
 * SES front reads from a SendEmail request, SES's records (fields as in "Contents of event data that
 * Amazon SES publishes to Amazon SNS") and SNS's Lambda event, and what it reads from template.yaml.
 */
class SesEventsTest {
  private static final Instant SENT = Instant.parse("2026-12-06T10:15:30.123Z");

  @Test
  void theSimulatorsBounceAndComplaintAddressesWithOrWithoutALabelAreSimulatedAndNothingElse() {
    assertEquals(SesEvents.Simulation.BOUNCE, SesEvents.Simulation.of("bounce@simulator.amazonses.com"));
    assertEquals(SesEvents.Simulation.BOUNCE, SesEvents.Simulation.of("Bounce+reporter@Simulator.AmazonSES.com"));
    assertEquals(SesEvents.Simulation.COMPLAINT, SesEvents.Simulation.of("complaint+x@simulator.amazonses.com"));
    assertEquals(SesEvents.Simulation.NONE, SesEvents.Simulation.of("success@simulator.amazonses.com"));
    assertEquals(SesEvents.Simulation.NONE, SesEvents.Simulation.of("bounce@elsewhere.example.test"));
    assertEquals(SesEvents.Simulation.NONE, SesEvents.Simulation.of("bouncer@simulator.amazonses.com"));
  }

  @Test
  void aRawSendGivesItsConfigurationSetRecipientsAndDecodedHeaders() throws Exception {
    String mime = "From: Klantportaal <no-reply@portal.example.test>\r\nTo: bounce@simulator.amazonses.com\r\n"
        + "Subject: =?UTF-8?Q?[#acme-7]_Gel=C3=B6st?=\r\nMessage-ID: <t.acme.7@portal.example.test>\r\n"
        + "Date: Sun, 6 Dec 2026 10:15:30 +0000\r\nX-Long: one\r\n two\r\n\r\nBody: not a header\r\n";
    JsonNode request = AwsJsonApi.JSON.readTree("{\"FromEmailAddress\":\"Klantportaal <no-reply@portal.example.test>\","
        + "\"Destination\":{\"ToAddresses\":[\"bounce@simulator.amazonses.com\"]},\"ConfigurationSetName\":\"MailConfigurationSet\","
        + "\"Content\":{\"Raw\":{\"Data\":\"" + Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8)) + "\"}}}");
    SesFront.SentMail sent = SesFront.sentMail(request, "0102-local-1", SENT);
    assertEquals("MailConfigurationSet", sent.configurationSet().orElseThrow());
    assertEquals(List.of("bounce@simulator.amazonses.com"), sent.destination());
    assertEquals("[#acme-7] Gelöst", sent.header("subject").orElseThrow());
    assertEquals("one two", sent.header("X-Long").orElseThrow());
    assertFalse(sent.header("Body").isPresent(), "the body is no header");
  }

  @Test
  void aBounceRecordCarriesSesFieldsForThatRecipientAndSnsWrapsItAsMessage() throws Exception {
    SesFront.SentMail sent = new SesFront.SentMail("0102-local-1", SENT, java.util.Optional.of("MailConfigurationSet"),
        "Klantportaal <no-reply@portal.example.test>", List.of("bounce+a@simulator.amazonses.com"),
        List.of(java.util.Map.of("name", "From", "value", "Klantportaal <no-reply@portal.example.test>"),
            java.util.Map.of("name", "To", "value", "bounce+a@simulator.amazonses.com"),
            java.util.Map.of("name", "Subject", "value", "Uw melding"),
            java.util.Map.of("name", "Message-ID", "value", "<t.acme.7@portal.example.test>")));
    JsonNode record = SesEvents.record(sent, "bounce+a@simulator.amazonses.com", SesEvents.Simulation.BOUNCE,
        SENT.plusSeconds(2));
    assertEquals("Bounce", record.path("eventType").asText());
    assertEquals("Permanent", record.at("/bounce/bounceType").asText());
    assertEquals("General", record.at("/bounce/bounceSubType").asText());
    JsonNode bounced = record.at("/bounce/bouncedRecipients/0");
    assertEquals("bounce+a@simulator.amazonses.com", bounced.path("emailAddress").asText());
    assertEquals("failed", bounced.path("action").asText());
    assertEquals("5.1.1", bounced.path("status").asText());
    assertEquals("smtp; 550 5.1.1 user unknown", bounced.path("diagnosticCode").asText());
    assertEquals("2026-12-06T10:15:32.123Z", record.at("/bounce/timestamp").asText());
    assertEquals("0102-local-1", record.at("/mail/messageId").asText(), "the id SES answered the sender");
    assertEquals("2026-12-06T10:15:30.123Z", record.at("/mail/timestamp").asText());
    assertEquals("[\"bounce+a@simulator.amazonses.com\"]", record.at("/mail/destination").toString());
    assertEquals("Uw melding", record.at("/mail/commonHeaders/subject").asText());
    assertEquals("<t.acme.7@portal.example.test>", record.at("/mail/commonHeaders/messageId").asText());
    assertEquals("[\"Klantportaal <no-reply@portal.example.test>\"]", record.at("/mail/commonHeaders/from").toString());
    assertEquals("MailConfigurationSet", record.at("/mail/tags/ses:configuration-set/0").asText());
    assertEquals("arn:aws:ses:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":identity/portal.example.test",
        record.at("/mail/sourceArn").asText());

    JsonNode complaint = SesEvents.record(sent, "complaint@simulator.amazonses.com", SesEvents.Simulation.COMPLAINT, SENT);
    assertEquals("Complaint", complaint.path("eventType").asText());
    assertEquals("complaint@simulator.amazonses.com", complaint.at("/complaint/complainedRecipients/0/emailAddress").asText());
    assertEquals("abuse", complaint.at("/complaint/complaintFeedbackType").asText());
    assertThrows(IllegalArgumentException.class, () -> SesEvents.record(sent, "success@simulator.amazonses.com",
        SesEvents.Simulation.NONE, SENT));

    String topic = "arn:aws:sns:eu-west-1:000000000000:MailFeedbackTopic";
    JsonNode sns = SesEvents.snsEvent(topic, record.toString(), SENT).at("/Records/0");
    assertEquals("aws:sns", sns.path("EventSource").asText());
    assertTrue(sns.path("EventSubscriptionArn").asText().startsWith(topic + ":"));
    assertEquals("Notification", sns.at("/Sns/Type").asText());
    assertEquals(topic, sns.at("/Sns/TopicArn").asText());
    assertTrue(sns.at("/Sns/Subject").isNull());
    assertEquals(record, AwsJsonApi.JSON.readTree(sns.at("/Sns/Message").asText()), "the record, as a JSON string");
  }

  @Test
  void theRealTemplatesEventDestinationAndItsSubscriberAreReadFromIt() {
    SamTemplate template = SamTemplate.project();
    LocalNames names = new LocalNames(template);
    // Reading the template needs neither functions nor invocations: they are used when a send is published.
    SesEventPublishing publishing = new SesEventPublishing(template, names.intrinsics(), null, null);
    String topic = names.ref("MailFeedbackTopic");
    assertEquals("arn:aws:sns:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":MailFeedbackTopic", topic);
    assertEquals(List.of(new SesEventPublishing.Destination("bounces-and-complaints", names.ref("MailConfigurationSet"),
        Set.of("bounce", "complaint"), topic)), publishing.destinations());
    assertEquals(List.of(new SesEventPublishing.Subscription(topic, "MailFeedbackFunction")), publishing.subscriptions());
  }
}
