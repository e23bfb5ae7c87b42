package nl.klantportaal.ticketing.adapter.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.ticketing.port.PersonalTicketData;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The person's tickets by three keyed reads (reporter and watcher on GSI1 within their customer, the
 * author index on GSI5), then each ticket's partition (pattern 15). No Scan.
 */
public final class DynamoDbPersonalTicketData implements PersonalTicketData {
  private static final int HEADER_RETRIES = 3;
  private final PortalTable table;

  public DynamoDbPersonalTicketData(PortalTable table) {
    this.table = table;
  }

  @Override
  public List<PersonalTicket> tickets(UserId person, Optional<TenantId> customer) {
    List<PersonalTicket> found = new ArrayList<>();
    for (String partition : partitions(person, customer)) {
      List<Map<String, AttributeValue>> items = partition(partition);
      Optional<Map<String, AttributeValue>> header = items.stream().filter(i -> Keys.TICKET_SK.equals(text(i, Keys.SK))).findFirst();
      if (header.isEmpty()) {
        continue;
      }
      var h = header.get();
      List<PersonalMessage> messages = items.stream()
          .filter(i -> text(i, Keys.SK).startsWith(Keys.PUBLIC_MESSAGE_PREFIX)
              || (text(i, Keys.SK).startsWith(Keys.NOTE_PREFIX) && person.value().equals(text(i, "authorId"))))
          .map(i -> new PersonalMessage(Instant.parse(text(i, "at")), text(i, "authorId"), text(i, "authorSide"),
              text(i, "body"), text(i, Keys.SK).startsWith(Keys.NOTE_PREFIX)))
          .sorted(Comparator.comparing(PersonalMessage::at))
          .toList();
      found.add(new PersonalTicket(text(h, "tenantId") + "-" + h.get("number").n(), text(h, "title"), text(h, "status"),
          Instant.parse(text(h, "createdAt")), person.value().equals(text(h, "reporterId")), messages));
    }
    return found;
  }

  @Override
  public int replaceName(UserId person, Optional<TenantId> customer, Function<TenantId, String> formerName) {
    int changed = 0;
    for (String partition : partitions(person, customer)) {
      for (Map<String, AttributeValue> item : partition(partition)) {
        String sk = text(item, Keys.SK);
        if (!item.containsKey("tenantId")) {
          continue;
        }
        String former = formerName.apply(new TenantId(text(item, "tenantId")));
        if (sk.equals(Keys.TICKET_SK) && person.value().equals(text(item, "reporterId"))) {
          renameReporter(partition, item, former);
          changed++;
        } else if ((sk.startsWith(Keys.PUBLIC_MESSAGE_PREFIX) || sk.startsWith(Keys.NOTE_PREFIX))
            && person.value().equals(text(item, "authorId"))) {
          rename(partition, sk, "authorName", "authorId", person, former);
          changed++;
        } else if (sk.startsWith(Keys.ATTACHMENT_PREFIX) && person.value().equals(text(item, "uploadedBy"))) {
          rename(partition, sk, "uploadedByName", "uploadedBy", person, former);
          changed++;
        }
      }
    }
    return changed;
  }

  /** The header on its version, so a concurrent ticket change (a whole-item put) cannot bring the name back. */
  private void renameReporter(String partition, Map<String, AttributeValue> seen, String former) {
    Map<String, AttributeValue> current = seen;
    for (int attempt = 0; attempt < HEADER_RETRIES; attempt++) {
      String version = current.get("version").n();
      try {
        table.client().updateItem(r -> r.tableName(table.name()).key(key(partition, Keys.TICKET_SK))
            .updateExpression("SET reporterName = :n, version = version + :one")
            .conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(former), ":one", AttributeValue.fromN("1"),
                ":v", AttributeValue.fromN(version))));
        return;
      } catch (ConditionalCheckFailedException moved) {
        current = table.client().getItem(r -> r.tableName(table.name()).key(key(partition, Keys.TICKET_SK))
            .consistentRead(true)).item();
      }
    }
    throw new IllegalStateException("Ticket " + partition + " kept changing; the erasure can be run again");
  }

  private void rename(String partition, String sk, String nameAttribute, String idAttribute, UserId person, String former) {
    table.client().updateItem(r -> r.tableName(table.name()).key(key(partition, sk))
        .updateExpression("SET #name = :n")
        .conditionExpression("#id = :sub")
        .expressionAttributeNames(Map.of("#name", nameAttribute, "#id", idAttribute))
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(former), ":sub", AttributeValue.fromS(person.value()))));
  }

  /** The ticket partitions of the person: reported and shared (within their customer), written in (anywhere). */
  private Set<String> partitions(UserId person, Optional<TenantId> customer) {
    Set<String> partitions = new LinkedHashSet<>();
    customer.ifPresent(t -> {
      query(Keys.GSI1, Keys.GSI1PK, Keys.reporterTickets(t, person)).forEach(i -> partitions.add(text(i, Keys.PK)));
      query(Keys.GSI1, Keys.GSI1PK, Keys.watcherTickets(t, person)).forEach(i -> partitions.add(text(i, Keys.PK)));
    });
    query(Keys.GSI5, Keys.GSI5PK, Keys.messagesBy(person.value())).forEach(i -> partitions.add(text(i, Keys.PK)));
    partitions.removeIf(pk -> !pk.contains("#TICKET#"));
    return partitions;
  }

  private List<Map<String, AttributeValue>> partition(String partition) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    table.client().queryPaginator(r -> r.tableName(table.name()).consistentRead(true)
            .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
        .items().forEach(items::add);
    return items;
  }

  private List<Map<String, AttributeValue>> query(String index, String attribute, String value) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    table.client().queryPaginator(r -> r.tableName(table.name()).indexName(index)
            .keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", attribute))
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))))
        .items().forEach(items::add);
    return items;
  }

  private static Map<String, AttributeValue> key(String partition, String sort) {
    return Map.of(Keys.PK, AttributeValue.fromS(partition), Keys.SK, AttributeValue.fromS(sort));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }
}
