package nl.klantportaal.ticketing.adapter.dynamodb;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.ticketing.domain.RatingTotals;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRating;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.port.SingleUses;
import nl.klantportaal.ticketing.port.TicketRatings;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Ratings (docs/data-model.md patterns 15c–15f), written in one transaction: the rating in the ticket's
 * partition ({@code STAFF#RATING}, absent before: one per ticket), its audit entry, its copy in the
 * customer's month ({@code TENANT#<t>#RATINGS#<yyyy-MM> / <at>#<n8>}), the month's totals under the
 * customer ({@code TENANT#<t> / RATINGS#<yyyy-MM>}, atomic ADDs) and the link's use when there is one.
 */
public final class DynamoDbTicketRatings implements TicketRatings {
  private static final String ABSENT = "attribute_not_exists(PK)";

  private final PortalTable table;

  public DynamoDbTicketRatings(PortalTable table) {
    this.table = table;
  }

  @Override
  public Recorded record(TicketRating rating, TicketAudit audit, Optional<SingleUses.SingleUse> use) {
    TicketRef ref = rating.ticket();
    YearMonth month = rating.month();
    Map<String, AttributeValue> ratingItem = fields(rating);
    ratingItem.put(Keys.PK, s(TicketKeys.ticket(ref)));
    ratingItem.put(Keys.SK, s(Keys.RATING_SK));
    ratingItem.put("type", s("Rating"));
    Map<String, AttributeValue> monthItem = fields(rating);
    monthItem.put(Keys.PK, s(Keys.ratingsOfMonth(ref.tenant(), month)));
    monthItem.put(Keys.SK, s(TicketKeys.atTicket(rating.at().toString(), ref)));
    monthItem.put("type", s("RatingOfMonth"));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(put(ratingItem));
    writes.add(put(TicketAuditItem.SCHEMA.itemToMap(TicketAuditItem.from(ref, audit), true)));
    writes.add(put(monthItem));
    writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
        .key(Map.of(Keys.PK, s(Keys.tenant(ref.tenant())), Keys.SK, s(Keys.ratingTotals(month))))
        .updateExpression("ADD #n" + rating.score() + " :one SET #type = :type, #month = :month")
        .expressionAttributeNames(Map.of("#n" + rating.score(), "score" + rating.score(), "#type", "type", "#month", "month"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":type", s("RatingTotals"),
            ":month", s(month.toString())))
        .build()).build());
    use.ifPresent(u -> writes.add(put(SingleUseItem.SCHEMA.itemToMap(SingleUseItem.of(u, rating.at()), true))));
    try {
      table.client().transactWriteItems(r -> r.transactItems(writes));
      return Recorded.STORED;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0)) {
        return Recorded.ALREADY_RATED;
      }
      if (use.isPresent() && failed(reasons, writes.size() - 1)) {
        return Recorded.USE_TAKEN;
      }
      throw e;
    }
  }

  @Override
  public Optional<TicketRating> of(TicketRef ticket) {
    Map<String, AttributeValue> item = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(TicketKeys.ticket(ticket)), Keys.SK, s(Keys.RATING_SK)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(rating(item));
  }

  @Override
  public List<TicketRating> ofMonth(TenantId customer, YearMonth month, int limit) {
    QueryRequest request = QueryRequest.builder().tableName(table.name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", s(Keys.ratingsOfMonth(customer, month))))
        .scanIndexForward(false).limit(Math.min(limit, 1000)).build();
    List<TicketRating> ratings = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.client().queryPaginator(request).items()) {
      ratings.add(rating(item));
      if (ratings.size() == limit) {
        break;
      }
    }
    return ratings;
  }

  @Override
  public RatingTotals totals(TenantId customer, YearMonth month) {
    Map<String, AttributeValue> item = table.client().getItem(r -> r.tableName(table.name())
        .key(Map.of(Keys.PK, s(Keys.tenant(customer)), Keys.SK, s(Keys.ratingTotals(month))))).item();
    if (item == null || item.isEmpty()) {
      return RatingTotals.none(month);
    }
    List<Integer> perScore = new ArrayList<>();
    for (int score = TicketRating.MIN; score <= TicketRating.MAX; score++) {
      perScore.add(Optional.ofNullable(item.get("score" + score)).map(v -> Integer.parseInt(v.n())).orElse(0));
    }
    return new RatingTotals(month, perScore);
  }

  /** A rating from its item in the ticket's partition or in the month (the ticket's thread reads it too). */
  static TicketRating rating(Map<String, AttributeValue> item) {
    return new TicketRating(new TicketRef(new TenantId(item.get("tenantId").s()),
        new TicketNumber(Long.parseLong(item.get("number").n()))), new UserId(item.get("by").s()),
        Integer.parseInt(item.get("score").n()), Optional.ofNullable(item.get("comment")).map(AttributeValue::s),
        Instant.parse(item.get("at").s()), WireEnum.parse(TicketSource.class, item.get("via").s()));
  }

  private static Map<String, AttributeValue> fields(TicketRating rating) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("tenantId", s(rating.ticket().tenant().value()));
    item.put("number", AttributeValue.fromN(Long.toString(rating.ticket().number().value())));
    item.put("by", s(rating.by().value()));
    item.put("score", AttributeValue.fromN(Integer.toString(rating.score())));
    rating.comment().ifPresent(c -> item.put("comment", s(c)));
    item.put("at", s(rating.at().toString()));
    item.put("via", s(rating.via().wireName()));
    return item;
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item).conditionExpression(ABSENT).build())
        .build();
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
