package nl.klantportaal.core.wiring;

import java.time.Duration;
import nl.klantportaal.core.adapter.dynamodb.CompanionItems;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbAttachmentRepository;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbCatalogueRepository;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbTicketRepository;
import nl.klantportaal.core.adapter.s3.S3AttachmentStore;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.ticket.port.AttachmentRepository;
import nl.klantportaal.core.ticket.port.AttachmentStore;
import nl.klantportaal.core.ticket.port.CatalogueRepository;
import nl.klantportaal.core.ticket.port.TicketCompanion;
import nl.klantportaal.core.ticket.port.TicketRepository;
import nl.klantportaal.core.ticket.usecase.CompanionTickets;

/**
 * The tickets context: tickets, the catalogue, attachments. Tickets are always wired with the
 * companion that keeps step with every write ({@link #tickets}); the SLA's wiring names it.
 */
public final class TicketWiring {
  private final KernelWiring kernel;

  private TicketWiring(KernelWiring kernel) {
    this.kernel = kernel;
  }

  public static TicketWiring of(KernelWiring kernel) {
    return new TicketWiring(kernel);
  }

  /** Tickets whose every write carries {@code companion}'s write, stored by {@code items}, in its transaction. */
  public TicketRepository tickets(TicketCompanion companion, CompanionItems items) {
    return new CompanionTickets(new DynamoDbTicketRepository(kernel.table(), items), companion);
  }

  public CatalogueRepository catalogue() {
    return new DynamoDbCatalogueRepository(kernel.table());
  }

  /** Days after which a resolved ticket the customer left alone closes (AUTO_CLOSE_DAYS, default 7). */
  public Duration autoCloseAfter() {
    return ContextSettings.Tickets.from(kernel.config()).autoCloseAfter();
  }

  public AttachmentRepository attachments() {
    return new DynamoDbAttachmentRepository(kernel.table());
  }

  /** Attachment bytes in ATTACHMENTS_BUCKET; only the attachments function has it (and its S3 policy). */
  public AttachmentStore attachmentStore() {
    return new S3AttachmentStore(kernel.clients().s3(), kernel.clients().s3Presigner(),
        ContextSettings.Attachments.from(kernel.config()).bucket());
  }
}
