package nl.klantportaal.tickets.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * Records threaded mails in handler tests (aws-ses-v2-local runs in the local cloud's ITs, which
 * exercise the real SesMailSender); {@code failing} makes every send refused as SES would refuse it.
 */
final class RecordingMailSender implements MailSender {
  private final List<ThreadedMail> sent = new CopyOnWriteArrayList<>();
  volatile boolean failing;

  @Override
  public String send(OutgoingMail mail) {
    throw new AssertionError("Ticket and SLA mail is threaded mail only");
  }

  @Override
  public String send(ThreadedMail mail) {
    if (failing) {
      throw new SendFailure("ses-Throttling", new IllegalStateException("refused by the test"));
    }
    sent.add(mail);
    return "ses-" + sent.size();
  }

  List<ThreadedMail> sent() {
    return List.copyOf(sent);
  }
}
