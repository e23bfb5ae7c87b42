package nl.klantportaal.mail.wiring;

import java.util.function.Supplier;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.adapter.ses.SesMailSender;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Outgoing mail through SES, from SENDER_ADDRESS. Only functions that send mail depend on this module
 * (identity's users, the notifications, the SLA's due events), so only their artefacts carry SESv2.
 */
public final class MailWiring {
  private MailWiring() {}

  public static MailSender sender(KernelWiring kernel) {
    SesV2Client ses = kernel.clients().client(SesV2Client.builder(), kernel.config().endpoints().ses());
    return new SesMailSender(ses, kernel.mail().senderAddress(), kernel.clock());
  }

  /**
   * As {@link #sender}, but the SES client is built at the first mail, not during init: for a function most of whose
   * requests send nothing (MeFunction: only a verified e-mail change mails), so its other routes' cold start does
   * not pay for a client they never use.
   */
  public static MailSender senderOnFirstMail(KernelWiring kernel) {
    Supplier<MailSender> sender = PortalTable.memoize(() -> sender(kernel));
    return new MailSender() {
      @Override
      public String send(OutgoingMail mail) {
        return sender.get().send(mail);
      }

      @Override
      public String send(ThreadedMail mail) {
        return sender.get().send(mail);
      }
    };
  }
}
