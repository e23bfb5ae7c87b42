package nl.klantportaal.ticketing.wiring;

import java.time.Duration;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.ticketing.adapter.dynamodb.CompanionItems;
import nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbAttachmentRepository;
import nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbCatalogueRepository;
import nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbSingleUses;
import nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbTicketRatings;
import nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbTicketRepository;
import nl.klantportaal.ticketing.domain.MailLinkSigner;
import nl.klantportaal.ticketing.port.AttachmentRepository;
import nl.klantportaal.ticketing.port.CatalogueRepository;
import nl.klantportaal.ticketing.port.SingleUses;
import nl.klantportaal.ticketing.port.TicketRatings;
import nl.klantportaal.ticketing.port.TicketCompanion;
import nl.klantportaal.ticketing.port.TicketHistory;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.ticketing.usecase.CachedCatalogue;
import nl.klantportaal.ticketing.usecase.CompanionTickets;

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

  /** The read port other contexts use (the monthly reports); it only reads, so no companion is wired. */
  public TicketHistory history() {
    return new DynamoDbTicketRepository(kernel.table(), (request, ticket, write) -> {
      throw new IllegalStateException("The ticket history only reads");
    });
  }

  /** What tickets hold about one person, for the GDPR export and erasure (docs/privacy.md). */
  public nl.klantportaal.ticketing.port.PersonalTicketData personalData() {
    return new nl.klantportaal.ticketing.adapter.dynamodb.DynamoDbPersonalTicketData(kernel.table());
  }

  public CatalogueRepository catalogue() {
    return new DynamoDbCatalogueRepository(kernel.table());
  }

  /** The catalogue as ticket writes check it: cached per container ({@link CachedCatalogue}); make one per handler. */
  public CatalogueRepository cachedCatalogue() {
    return new CachedCatalogue(catalogue(), kernel.clock());
  }

  /** Days after which a resolved ticket the customer left alone closes (AUTO_CLOSE_DAYS, default 7). */
  public Duration autoCloseAfter() {
    return ContextSettings.Tickets.from(kernel.config()).autoCloseAfter();
  }

  public TicketRatings ratings() {
    return new DynamoDbTicketRatings(kernel.table());
  }

  public SingleUses singleUses() {
    return new DynamoDbSingleUses(kernel.table());
  }

  /** Signs and checks mail links with the deployment's key for that purpose (read on first use). */
  public MailLinkSigner mailLinks() {
    return new MailLinkSigner(kernel.purposeKey(MailLinkSigner.KEY_PURPOSE));
  }

  public AttachmentRepository attachments() {
    return new DynamoDbAttachmentRepository(kernel.table());
  }
}
