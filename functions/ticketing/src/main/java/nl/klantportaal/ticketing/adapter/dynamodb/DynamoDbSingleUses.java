package nl.klantportaal.ticketing.adapter.dynamodb;

import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.ticketing.port.SingleUses;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Whether a single-use key was taken: one consistent GetItem of its record (pattern 15f). */
public final class DynamoDbSingleUses implements SingleUses {
  private final PortalTable table;

  public DynamoDbSingleUses(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean used(String key) {
    return table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.singleUse(key)), Keys.SK, AttributeValue.fromS(SingleUseItem.SK))))
        .hasItem();
  }
}
