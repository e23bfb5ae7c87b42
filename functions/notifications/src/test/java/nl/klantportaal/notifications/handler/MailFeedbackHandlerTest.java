package nl.klantportaal.notifications.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SES's feedback events (events/notifications/mail-feedback) through the handler, on DynamoDB Local. */
class MailFeedbackHandlerTest {
  private KernelWiring wiring;
  private MailFeedbackHandler handler;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    wiring = new KernelWiring(Config.fromEnvironment(env), Clock.fixed(Instant.parse("2026-12-06T08:00:05Z"), ZoneOffset.UTC));
    handler = new MailFeedbackHandler(wiring);
  }

  private Map<String, Object> handle(String fixture) {
    return handler.handleRequest(Lambda.scheduledEvent("notifications/mail-feedback/" + fixture), Lambda.context("mail-feedback"));
  }

  @Test
  void aPermanentBounceAndAComplaintMarkTheAddressFailingAndATransientBounceOrADeliveryNothing() {
    assertEquals(1, handle("permanent-bounce.json").get("markedFailing"));
    var failing = NotificationWiring.of(wiring).failingAddresses();
    FailingAddress bounced = failing.find("oud@acme.example.test").orElseThrow();
    assertEquals(FailingAddress.Reason.PERMANENT_BOUNCE, bounced.reason());
    assertEquals("5.1.1 smtp; 550 5.1.1 user unknown", bounced.detail());

    assertEquals(1, handle("complaint.json").get("markedFailing"));
    assertEquals(FailingAddress.Reason.COMPLAINT, failing.find("boos@acme.example.test").orElseThrow().reason());
    assertEquals("complaint: abuse", failing.find("boos@acme.example.test").orElseThrow().detail());

    assertEquals(0, handle("transient-bounce.json").get("markedFailing"), "a full mailbox is SES's to retry");
    assertTrue(failing.find("vol@acme.example.test").isEmpty());
    assertEquals(0, handle("delivery.json").get("markedFailing"));
    assertEquals(1, handle("delivery.json").get("notifications"));
  }

  @Test
  void aMessageThatIsNoSesEventMarksNothingAndDoesNotFail() {
    assertTrue(MailFeedbackHandler.read("not json").isEmpty());
    assertTrue(MailFeedbackHandler.read("{\"Type\":\"SubscriptionConfirmation\"}").isEmpty());
  }
}
