package nl.klantportaal.local;

import java.nio.file.Path;
import java.time.Duration;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.mail.adapter.ses.SesMailSender;
import nl.klantportaal.notifications.port.FailingAddresses;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The mail feedback contract on the local cloud of the real template.yaml: the production SES adapter
 * sends through the SES front to aws-ses-v2-local; the local fake of event publishing reads the
 * configuration set's event destination and the topic's subscriber (MailFeedbackFunction) from the
 * template and delivers SES's records through SNS's event to it.
 */
class LocalMailFeedbackContractIT extends MailFeedbackContract {
  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static SesV2Client ses;
  private static FailingAddresses failing;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    ses = AwsClients.ses(cloud.endpoints().ses());
    failing = NotificationWiring.of(TestClouds.wiring(cloud, "MailFeedbackFunction")).failingAddresses();
  }

  @AfterAll
  static void stop() {
    if (ses != null) {
      ses.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  @Override
  protected MailSender sender() {
    return new SesMailSender(ses, "Klantportaal <no-reply@portal.example.test>");
  }

  @Override
  protected String from() {
    return "Klantportaal <no-reply@portal.example.test>";
  }

  @Override
  protected String configurationSet() {
    // The set the portal's ticket mail goes out with, as the template configures the function.
    return cloud.functions().require("TicketNotificationsFunction").function().environment().get("MAIL_CONFIGURATION_SET");
  }

  @Override
  protected FailingAddresses failingAddresses() {
    return failing;
  }

  @Override
  protected Duration within() {
    return Duration.ofSeconds(30);
  }

  @Override
  protected Duration quiet() {
    return Duration.ofSeconds(2);
  }
}
