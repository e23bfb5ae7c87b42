package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.klantportaal.mail.adapter.ses.SesMailSender;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.mail.testing.MailSenderContract;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The mail sender contract against the production adapter ({@link SesMailSender}) on the local
 * cloud's aws-ses-v2-local, read back from its {@code GET /store} (which parses raw mail with
 * mailparser: the From header as sent, and each attachment's file name, content type and base64
 * content, so an invoice's PDF is compared byte for byte); the refusing sender is the same
 * adapter pointed at a port nobody listens on. The handler tests' RecordingMailSender runs the same
 * contract (functions/notifications).
 */
class SesMailSenderContractIT extends MailSenderContract {
  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static SesV2Client ses;
  private static SesV2Client nowhere;

  @BeforeAll
  static void start() throws IOException {
    cloud = LocalCloud.start(Options.forRoot(SamTemplate.projectRoot()).withStateDir(state).withPorts(Ports.anyFree()));
    ses = AwsClients.ses(cloud.endpoints().ses());
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    nowhere = AwsClients.ses(URI.create("http://127.0.0.1:" + closedPort));
  }

  @AfterAll
  static void stop() {
    if (ses != null) {
      ses.close();
    }
    if (nowhere != null) {
      nowhere.close();
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
  protected MailSender refusingSender() {
    return new SesMailSender(nowhere, "Klantportaal <no-reply@portal.example.test>");
  }

  @Override
  protected List<Delivered> delivered() {
    try {
      List<Delivered> delivered = new ArrayList<>();
      for (JsonNode mail : MailStore.of(cloud).all()) {
        List<MailSender.Attachment> attachments = new ArrayList<>();
        for (JsonNode file : mail.path("attachments")) {
          attachments.add(new MailSender.Attachment(file.path("filename").asText(), file.path("contentType").asText(),
              Base64.getDecoder().decode(file.path("content").asText())));
        }
        for (JsonNode to : mail.path("destination").path("to")) {
          delivered.add(new Delivered(mail.path("from").asText(), to.asText(), mail.path("subject").asText(),
              mail.path("body").path("text").asText(), attachments));
        }
      }
      return delivered;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
