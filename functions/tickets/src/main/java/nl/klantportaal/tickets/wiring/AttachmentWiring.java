package nl.klantportaal.tickets.wiring;

import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.tickets.adapter.s3.S3AttachmentStore;
import nl.klantportaal.ticketing.port.AttachmentStore;

/**
 * Attachment bytes in S3. The tickets context's S3 adapter lives with the ticket functions because only
 * the attachments function and the inbound-mail function (a mail's attachments, through this wiring)
 * call S3 for attachments and have a policy for it; the SLA and notification artefacts, which read
 * tickets through the ticketing module, carry no S3 client.
 */
public final class AttachmentWiring {
  private AttachmentWiring() {}

  /** The objects in ATTACHMENTS_BUCKET (quarantine/ for uploads, attachments/ once checked). */
  public static AttachmentStore store(KernelWiring kernel) {
    return S3AttachmentStore.create(kernel.clients(), kernel.config().endpoints().s3(),
        ContextSettings.Attachments.from(kernel.config()).bucket());
  }
}
