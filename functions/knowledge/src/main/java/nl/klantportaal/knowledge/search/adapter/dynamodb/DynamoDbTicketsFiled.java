package nl.klantportaal.knowledge.search.adapter.dynamodb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.knowledge.search.port.TicketsFiled;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether a user filed a ticket in a window: the customer's tickets by creation (GSI5, {@code GSI5PK =
 * TENANT#<t>#TICKETS}, {@code GSI5SK = <createdAt>#<n>}, docs/data-model.md pattern 19) between the window's
 * ends, filtered on the ticket's {@code reporterId}. A keyed query over 30 minutes of one customer's tickets.
 */
public final class DynamoDbTicketsFiled implements TicketsFiled {
  private final PortalTable table;

  public DynamoDbTicketsFiled(PortalTable table) {
    this.table = table;
  }

  @Override
  public boolean any(String tenantId, String userId, Instant from, Instant to) {
    var pages = table.client().queryPaginator(r -> r.tableName(table.name()).indexName(Keys.GSI5)
        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
        .filterExpression("reporterId = :user")
        .projectionExpression("PK")
        .expressionAttributeNames(Map.of("#pk", Keys.GSI5PK, "#sk", Keys.GSI5SK))
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(Keys.tenantTickets(new TenantId(tenantId))),
            ":from", AttributeValue.fromS(secondOf(from)),
            ":to", AttributeValue.fromS(to.toString() + "~"),
            ":user", AttributeValue.fromS(userId))));
    return pages.stream().anyMatch(page -> page.count() > 0);
  }

  /**
   * The window's start to the second, without its "Z": a prefix of every creation time in that second,
   * whatever its fraction ({@code Instant.toString} writes "…:05Z" and "…:05.250Z", which sort the other way).
   */
  private static String secondOf(Instant at) {
    String text = at.truncatedTo(ChronoUnit.SECONDS).toString();
    return text.substring(0, text.length() - 1);
  }
}
