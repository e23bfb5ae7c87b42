package nl.klantportaal.notifications.adapter.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.notifications.port.MailArchive;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The outbox by recipient: one keyed Query of GSI1 {@code MAILTO#<sub>} (all pages), no Scan. */
public final class DynamoDbMailArchive implements MailArchive {
  private final PortalTable table;

  public DynamoDbMailArchive(PortalTable table) {
    this.table = table;
  }

  @Override
  public List<SentMail> to(String recipientId) {
    return entries(recipientId).stream().map(i -> new SentMail(Instant.parse(i.get("createdAt").s()), i.get("kind").s(),
        i.get("to").s(), i.get("subject").s(), i.get("text").s(), i.get("state").s(),
        Optional.ofNullable(i.get("sentAt")).map(v -> Instant.parse(v.s())))).toList();
  }

  @Override
  public int forget(String recipientId) {
    List<Map<String, AttributeValue>> entries = entries(recipientId);
    for (Map<String, AttributeValue> entry : entries) {
      table.client().deleteItem(r -> r.tableName(table.name())
          .key(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK))));
    }
    return entries.size();
  }

  private List<Map<String, AttributeValue>> entries(String recipientId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.GSI1)
            .keyConditionExpression("GSI1PK = :to")
            .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(Keys.mailTo(recipientId)))))
        .items().forEach(items::add);
    return items;
  }
}
