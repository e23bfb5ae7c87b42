package nl.klantportaal.mail.wiring;

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
}
