package nl.klantportaal.core.adapter.ses;

import nl.klantportaal.core.shared.port.MailSender;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SES v2 SendEmail (simple content, HTML and text) from the portal's sender address. */
public final class SesMailSender implements MailSender {
  private final SesV2Client ses;
  private final String from;

  public SesMailSender(SesV2Client ses, String from) {
    this.ses = ses;
    this.from = from;
  }

  @Override
  public String send(OutgoingMail mail) {
    return ses.sendEmail(r -> r.fromEmailAddress(from)
        .destination(d -> d.toAddresses(mail.to()))
        .content(c -> c.simple(m -> m
            .subject(s -> s.data(mail.subject()).charset("UTF-8"))
            .body(b -> b.html(h -> h.data(mail.html()).charset("UTF-8")).text(t -> t.data(mail.text()).charset("UTF-8"))))))
        .messageId();
  }
}
