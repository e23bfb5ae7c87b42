package nl.klantportaal.ticketing.adapter.dynamodb;

import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.CompanionWrite;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Adds a companion context's write ({@link CompanionWrite}) to a ticket's transaction: the DynamoDB
 * adapter of the context that made it (the SLA's {@code SlaRecordWrites}). The ticket repository
 * is wired with one and never looks inside the write.
 */
public interface CompanionItems {


  void add(TransactWriteItemsEnhancedRequest.Builder request, TicketRef ticket, CompanionWrite write);
}
