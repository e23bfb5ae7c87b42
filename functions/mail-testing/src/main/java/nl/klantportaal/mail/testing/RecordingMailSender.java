package nl.klantportaal.mail.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.klantportaal.core.shared.port.MailSender;

/**
 * Records mail in handler tests, which assert on what reaches the {@link MailSender} port — the
 * threading headers included, which aws-ses-v2-local does not keep (docs/notifications.md "Gaps").
 * {@link MailSenderContract} holds it to what SesMailSender does on aws-ses-v2-local. With
 * {@link #failing(boolean)} every threaded send is refused as SES would refuse it.
 */
public final class RecordingMailSender implements MailSender {
  private final List<ThreadedMail> threaded = new CopyOnWriteArrayList<>();
  private final List<OutgoingMail> outgoing = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  @Override
  public String send(OutgoingMail mail) {
    outgoing.add(mail);
    return "recorded-" + (threaded.size() + outgoing.size());
  }

  @Override
  public String send(ThreadedMail mail) {
    if (failing) {
      throw new SendFailure("ses-Throttling", new IllegalStateException("refused by the test"));
    }
    threaded.add(mail);
    return "recorded-" + (threaded.size() + outgoing.size());
  }

  /** From now on every threaded send is refused ({@code true}) or accepted again. */
  public void failing(boolean refuse) {
    this.failing = refuse;
  }

  /** The threaded mails sent so far, in order. */
  public List<ThreadedMail> sent() {
    return List.copyOf(threaded);
  }

  /** The account mails sent so far, in order. */
  public List<OutgoingMail> outgoing() {
    return List.copyOf(outgoing);
  }
}
