package nl.klantportaal.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.adapter.ses.SesMailSender;
import nl.klantportaal.notifications.port.FailingAddresses;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The mail feedback contract against real SES, SNS and a deployed stack's MailFeedbackFunction. Runs
 * only when asked: {@code KLANTPORTAAL_AWS_CONTRACT=1}, AWS credentials and region from the default
 * chain ({@code AWS_PROFILE} or keys, {@code AWS_REGION}), and
 * <ul>
 *   <li>{@code KLANTPORTAAL_AWS_SENDER}: a sender address of a verified identity;</li>
 *   <li>{@code KLANTPORTAAL_AWS_CONFIGURATION_SET}: the stack's MailConfigurationSet (its physical name);</li>
 *   <li>{@code KLANTPORTAAL_AWS_TABLE}: the stack's PortalTable, where MailFeedbackFunction records.</li>
 * </ul>
 * It sends three mails to the mailbox simulator (free of charge to reputation) and leaves the two
 * {@code +label} addresses it marked in the table's failing addresses.
 */
class AwsMailFeedbackContractIT extends MailFeedbackContract {
  private static final List<String> SETTINGS = List.of("KLANTPORTAAL_AWS_SENDER", "KLANTPORTAAL_AWS_CONFIGURATION_SET",
      "KLANTPORTAAL_AWS_TABLE");
  private static SesV2Client ses;
  private static FailingAddresses failing;

  /** Per test, so each is reported skipped with the reason when real AWS is not enabled. */
  @BeforeEach
  void connect() {
    Map<String, String> env = System.getenv();
    assumeTrue("1".equals(env.get("KLANTPORTAAL_AWS_CONTRACT")),
        "Real AWS not enabled: set KLANTPORTAAL_AWS_CONTRACT=1 (plus credentials and " + String.join(", ", SETTINGS) + ")");
    for (String setting : SETTINGS) {
      assumeTrue(env.get(setting) != null && !env.get(setting).isBlank(),
          "KLANTPORTAAL_AWS_CONTRACT=1 but " + setting + " is not set");
    }
    try {
      DefaultCredentialsProvider.builder().build().resolveCredentials();
    } catch (SdkClientException e) {
      assumeTrue(false, "KLANTPORTAAL_AWS_CONTRACT=1 but no AWS credentials: " + e.getMessage());
    }
    if (ses != null) {
      return;
    }
    ses = SesV2Client.create();
    Map<String, String> config = new HashMap<>(env);
    config.put("TABLE_NAME", env.get("KLANTPORTAAL_AWS_TABLE"));
    config.putIfAbsent("AWS_REGION", ses.serviceClientConfiguration().region().id());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    config.putIfAbsent("CURSOR_KEY", Base64.getEncoder().encodeToString(key));
    failing = NotificationWiring.of(new KernelWiring(Config.fromEnvironment(config), Clock.systemUTC())).failingAddresses();
  }

  @AfterAll
  static void close() {
    if (ses != null) {
      ses.close();
    }
  }

  @Override
  protected MailSender sender() {
    return new SesMailSender(ses, from());
  }

  @Override
  protected String from() {
    return System.getenv("KLANTPORTAAL_AWS_SENDER");
  }

  @Override
  protected String configurationSet() {
    return System.getenv("KLANTPORTAAL_AWS_CONFIGURATION_SET");
  }

  @Override
  protected FailingAddresses failingAddresses() {
    return failing;
  }

  @Override
  protected Duration within() {
    return Duration.ofMinutes(5);
  }

  @Override
  protected Duration quiet() {
    return Duration.ofSeconds(30);
  }
}
