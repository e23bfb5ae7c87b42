package nl.klantportaal.mail.adapter.ses;

import java.time.Clock;
import nl.klantportaal.core.shared.port.MailSender;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * SES v2 SendEmail: account mail as simple content (HTML and text) from the portal's sender
 * address; threaded mail (ticket mail, and invoice mail with its PDF attached) as raw MIME
 * ({@link MimeMessage}) with its own Message-ID, sender and configuration set. SDK failures of a threaded send become {@link MailSender.SendFailure}
 * naming only the error code or exception class.
 */
public final class SesMailSender implements MailSender {
  private final SesV2Client ses;
  private final String from;
  private final Clock clock;

  public SesMailSender(SesV2Client ses, String from) {
    this(ses, from, Clock.systemUTC());
  }

  public SesMailSender(SesV2Client ses, String from, Clock clock) {
    this.ses = ses;
    this.from = from;
    this.clock = clock;
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

  @Override
  public String send(ThreadedMail mail) {
    byte[] mime = MimeMessage.build(mail, clock.instant());
    try {
      return ses.sendEmail(r -> {
        r.fromEmailAddress(mail.from())
            .destination(d -> d.toAddresses(mail.to()))
            .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mime))));
        mail.configurationSet().ifPresent(r::configurationSetName);
      }).messageId();
    } catch (SesV2Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new SendFailure("ses-" + (code == null ? e.statusCode() : code), e);
    } catch (SdkException e) {
      throw new SendFailure("unreachable-" + e.getClass().getSimpleName(), e);
    }
  }
}
