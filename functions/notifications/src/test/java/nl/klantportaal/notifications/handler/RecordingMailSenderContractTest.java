package nl.klantportaal.notifications.handler;

import java.util.List;
import java.util.stream.Stream;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.mail.testing.MailSenderContract;
import nl.klantportaal.mail.testing.RecordingMailSender;

/** The mail sender contract on the handler tests' fake (SesMailSenderContractIT runs it on aws-ses-v2-local). */
class RecordingMailSenderContractTest extends MailSenderContract {
  /** Account mail names no sender at the port (SesMailSender's is its constructor's); the fake's stands in for it. */
  private static final String ACCOUNT_SENDER = "Klantportaal <no-reply@example.test>";
  private final RecordingMailSender recording = new RecordingMailSender();

  @Override
  protected MailSender sender() {
    return recording;
  }

  @Override
  protected List<Delivered> delivered() {
    return Stream.concat(
        recording.sent().stream().map(m -> new Delivered(m.from(), m.to(), m.subject(), m.text(), m.attachments())),
        recording.outgoing().stream().flatMap(m -> m.to().stream()
            .map(to -> new Delivered(ACCOUNT_SENDER, to, m.subject(), m.text(), List.of()))))
        .toList();
  }

  @Override
  protected MailSender refusingSender() {
    RecordingMailSender refusing = new RecordingMailSender();
    refusing.failing(true);
    return refusing;
  }
}
