package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.notifications.domain.FailingAddress;
import nl.klantportaal.notifications.port.FailingAddresses;
import org.junit.jupiter.api.Test;

/**
 * What the portal relies on from SES's event publishing of its outgoing mail: a mail sent (by the
 * production {@code SesMailSender}) with the portal's configuration set, whose event destination
 * publishes bounces and complaints to the topic MailFeedbackFunction subscribes to, ends as follows.
 *
 * <ul>
 *   <li>to the mailbox simulator's bounce address: a Bounce notification for that recipient, bounce type
 *       Permanent with its status, reaches the subscriber, which marks the address failing
 *       ({@code permanent-bounce}, detail {@code 5.1.1 ...}: only a Permanent bounce with bouncedRecipients
 *       marks, MailFeedbackHandlerTest);</li>
 *   <li>to its complaint address: a Complaint notification for that recipient reaches the subscriber
 *       ({@code complaint});</li>
 *   <li>to its success address: nothing reaches the subscriber within {@link #quiet()}.</li>
 * </ul>
 *
 * <p>The subscriber's record in the stack's table is what both environments can observe: the local
 * cloud's fake of event publishing ({@code LocalMailFeedbackContractIT}) and real SES and SNS
 * ({@code AwsMailFeedbackContractIT}, only when enabled). Each run uses fresh {@code +label}
 * addresses, which the simulator accepts and reports as sent.
 */
abstract class MailFeedbackContract {

  /** The production adapter, pointed at the SES under test. */
  protected abstract MailSender sender();

  /** A sender address SES accepts (a verified identity on AWS). */
  protected abstract String from();

  /** The configuration set whose event destination is under test. */
  protected abstract String configurationSet();

  /** The failing addresses the topic's subscriber records (the stack's table). */
  protected abstract FailingAddresses failingAddresses();

  /** How long a notification may take to reach the subscriber. */
  protected abstract Duration within();

  /** How long to watch for a notification that must not come. */
  protected abstract Duration quiet();

  @Test
  void aMailToTheBounceSimulatorReachesTheSubscriberAsAPermanentBounceOfThatRecipient() throws Exception {
    String recipient = simulator("bounce");
    send(recipient);
    FailingAddress marked = await(recipient);
    assertEquals(FailingAddress.Reason.PERMANENT_BOUNCE, marked.reason());
    assertTrue(marked.detail().startsWith("5.1.1"), "the bounced recipient's status and diagnostic: " + marked.detail());
  }

  @Test
  void aMailToTheComplaintSimulatorReachesTheSubscriberAsAComplaintOfThatRecipient() throws Exception {
    String recipient = simulator("complaint");
    send(recipient);
    FailingAddress marked = await(recipient);
    assertEquals(FailingAddress.Reason.COMPLAINT, marked.reason());
    assertTrue(marked.detail().startsWith("complaint"), marked.detail());
  }

  @Test
  void aMailToTheSuccessSimulatorPublishesNothingToTheSubscriber() throws Exception {
    String recipient = simulator("success");
    String bounced = simulator("bounce");
    send(recipient);
    send(bounced);
    await(bounced); // the sends after it have been through event publishing by now, in either environment
    Thread.sleep(quiet().toMillis());
    assertFalse(failingAddresses().find(recipient).isPresent(), "a delivered mail marks nothing");
  }

  private void send(String recipient) {
    String id = UUID.randomUUID().toString();
    String messageId = sender().send(new MailSender.ThreadedMail(from(), recipient, Optional.of(configurationSet()),
        "[contract] feedback " + id, "Feedback contract " + id + ".\n", "<p>Feedback contract " + id + ".</p>",
        "<feedback-" + id + "@portal.example.test>", "<feedback-" + id + "@portal.example.test>"));
    assertFalse(messageId.isBlank(), "SES answered a message id");
  }

  private FailingAddress await(String recipient) throws Exception {
    return Poll.until(() -> failingAddresses().find(recipient), Optional::isPresent, within(),
        nothing -> "no feedback for " + recipient + " reached the subscriber within " + within()).orElseThrow();
  }

  private static String simulator(String kind) {
    return kind + "+contract-" + UUID.randomUUID().toString().substring(0, 8) + "@simulator.amazonses.com";
  }
}
