package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The local stand-in for SES's inbound SMTP stage: it takes a message up to 40 MB and refuses a larger one, as SES does. */
class SmtpListenerTest {

  @Test
  void aMessageOverFortyMegabytesIsRefusedAtTheSmtpStageAndOneUnderItIsTaken() throws Exception {
    List<SmtpListener.ReceivedMail> received = new CopyOnWriteArrayList<>();
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (SmtpListener listener = SmtpListener.start(port, received::add)) {
      String header = "From: jan@acme.example.test\r\nTo: support@example.test\r\nSubject: Groot\r\n\r\n";
      String line = "x".repeat(998) + "\r\n";
      String tooLarge = header + line.repeat(40 * 1024 * 1024 / line.length() + 1);
      SmtpClient.send(port, "jan@acme.example.test", "support@example.test", tooLarge, "552");
      String fits = header + line.repeat(1024);
      SmtpClient.send(port, "jan@acme.example.test", "support@example.test", fits, "250");
      assertEquals(1, received.size(), "only the message within the limit reaches the receipt rule");
    }
  }
}
