package nl.klantportaal.identity.handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * Records mails in handler tests of the identity module, which cannot start aws-ses-v2-local (that
 * launcher lives in the local cloud, which depends on this module). The real SesMailSender is
 * exercised against aws-ses-v2-local through the local cloud.
 */
final class RecordingMailSender implements MailSender {
  private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();

  @Override
  public String send(OutgoingMail mail) {
    sent.add(mail);
    return "recorded-" + sent.size();
  }

  @Override
  public String send(ThreadedMail mail) {
    throw new AssertionError("The identity functions send no threaded ticket mail");
  }

  List<OutgoingMail> sent() {
    return List.copyOf(sent);
  }
}
