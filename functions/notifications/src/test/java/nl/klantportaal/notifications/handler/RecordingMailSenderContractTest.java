package nl.klantportaal.notifications.handler;

import java.util.List;
import java.util.stream.Stream;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.mail.testing.MailSenderContract;
import nl.klantportaal.mail.testing.RecordingMailSender;

/** The mail sender contract on the handler tests' fake (SesMailSenderContractIT runs it on aws-ses-v2-local). */
class RecordingMailSenderContractTest extends MailSenderContract {
  private final RecordingMailSender recording = new RecordingMailSender();

  @Override
  protected MailSender sender() {
    return recording;
  }

  @Override
  protected List<Delivered> delivered() {
    return Stream.concat(
        recording.sent().stream().map(m -> new Delivered(m.to(), m.subject(), m.text())),
        recording.outgoing().stream().flatMap(m -> m.to().stream().map(to -> new Delivered(to, m.subject(), m.text()))))
        .toList();
  }

  @Override
  protected MailSender refusingSender() {
    RecordingMailSender refusing = new RecordingMailSender();
    refusing.failing(true);
    return refusing;
  }
}
