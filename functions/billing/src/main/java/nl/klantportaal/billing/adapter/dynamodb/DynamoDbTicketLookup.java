package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.util.Map;
import nl.klantportaal.billing.port.TicketLookup;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;

/** A ticket exists in a tenant when its {@code PUB#TICKET} item does (one GetItem, keys only). */
public final class DynamoDbTicketLookup implements TicketLookup {
  private final PortalTable table;

  public DynamoDbTicketLookup(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean exists(TenantId tenant, long number) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).projectionExpression("PK")
        .key(Map.of(Keys.PK, s(Keys.ticket(tenant, number)), Keys.SK, s(Keys.TICKET_SK))));
    return answer.hasItem() && !answer.item().isEmpty();
  }
}
