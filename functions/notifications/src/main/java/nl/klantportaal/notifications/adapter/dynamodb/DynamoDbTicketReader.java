package nl.klantportaal.notifications.adapter.dynamodb;

import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.notifications.domain.TicketSnapshot;
import nl.klantportaal.notifications.port.TicketReader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code TENANT#<t>#TICKET#<n8> / PUB#TICKET}, one consistent GetItem. */
public final class DynamoDbTicketReader implements TicketReader {
  private final PortalTable table;

  public DynamoDbTicketReader(PortalTable table) {
    this.table = table;
  }

  @Override
  public Optional<TicketSnapshot> find(TenantId tenant, long number) {
    var response = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true).key(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.ticket(tenant, number)), Keys.SK, AttributeValue.fromS(Keys.TICKET_SK))));
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(TicketItems.ticket(response.item())) : Optional.empty();
  }
}
