package nl.klantportaal.knowledge.notice.adapter.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;
import nl.klantportaal.knowledge.notice.port.NoticeMailings;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A pending mailing is an item in its notice's partition ({@code MAILING#<occasion>}) listed on GSI1 under
 * {@code NOTICES#MAILING} by when it was written; it is deleted when the mail is handed to the outbox. Writing it again
 * (a status the notice had before) just keeps it pending: the outbox's claims decide who still gets mail.
 */
public final class DynamoDbNoticeMailings implements NoticeMailings {
  private final PortalTable table;

  public DynamoDbNoticeMailings(PortalTable table) {
    this.table = table;
  }

  static Map<String, AttributeValue> item(NoticeOccasion occasion, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, DynamoDbNotices.s(NoticeKeys.notice(occasion.noticeId())));
    item.put(Keys.SK, DynamoDbNotices.s(NoticeKeys.mailingSk(occasion)));
    item.put("type", DynamoDbNotices.s("NoticeMailing"));
    item.put("noticeId", DynamoDbNotices.s(occasion.noticeId()));
    item.put("occasion", DynamoDbNotices.s(occasion.name()));
    item.put("at", DynamoDbNotices.s(at.toString()));
    item.put(Keys.GSI1PK, DynamoDbNotices.s(NoticeKeys.MAILING));
    item.put(Keys.GSI1SK, DynamoDbNotices.s(NoticeKeys.mailingSort(at, occasion)));
    return item;
  }

  @Override
  public List<NoticeOccasion> pending(Instant before, int limit) {
    return table.client().query(QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
            .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :before").limit(limit)
            .expressionAttributeValues(Map.of(":pk", DynamoDbNotices.s(NoticeKeys.MAILING), ":before",
                DynamoDbNotices.s(before.toString()))).build())
        .items().stream().map(i -> NoticeOccasion.parse(i.get("noticeId").s(), i.get("occasion").s())).toList();
  }

  @Override
  public void done(NoticeOccasion occasion) {
    table.client().deleteItem(r -> r.tableName(table.name()).key(Map.of(
        Keys.PK, DynamoDbNotices.s(NoticeKeys.notice(occasion.noticeId())), Keys.SK, DynamoDbNotices.s(NoticeKeys.mailingSk(occasion)))));
  }
}
