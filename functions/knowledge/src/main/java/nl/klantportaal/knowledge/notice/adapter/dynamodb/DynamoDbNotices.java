package nl.klantportaal.knowledge.notice.adapter.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.klantportaal.core.adapter.dynamodb.AuditItems;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.audit.AuditRecord;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.knowledge.notice.domain.Affects;
import nl.klantportaal.knowledge.notice.domain.Notice;
import nl.klantportaal.knowledge.notice.domain.NoticeKind;
import nl.klantportaal.knowledge.notice.domain.NoticeOccasion;
import nl.klantportaal.knowledge.notice.domain.NoticeStatus;
import nl.klantportaal.knowledge.notice.domain.NoticeUpdate;
import nl.klantportaal.knowledge.notice.port.NoticeRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Notices in their own partition ({@code NOTICE#<id>} / {@code NOTICE}), on GSI1 in {@code NOTICES#CURRENT} (by start) or
 * {@code NOTICES#PAST} (by end); each write is one transaction of the notice (conditional: a new id, or the version read),
 * its audit entry (core.audit's item, append-only) and, when the change is mailed, its pending mailing
 * ({@link DynamoDbNoticeMailings}). Lists are keyed queries of those two partitions; nothing is scanned.
 */
public final class DynamoDbNotices implements NoticeRepository {
  private final PortalTable table;

  public DynamoDbNotices(PortalTable table) {
    this.table = table;
  }

  @Override
  public void create(Notice notice, NoticeOccasion mailing, AuditRecord audit) {
    write(notice, "attribute_not_exists(PK)", Map.of(), Optional.of(mailing), audit,
        new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS, "A notice with this id exists; try again"));
  }

  @Override
  public void update(Notice next, Optional<NoticeOccasion> mailing, AuditRecord audit) {
    write(next, "#v = :v", Map.of(":v", AttributeValue.fromN(Long.toString(next.version() - 1))), mailing, audit,
        new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
            "The notice was changed by someone else; reload it and try again"));
  }

  private void write(Notice notice, String condition, Map<String, AttributeValue> values, Optional<NoticeOccasion> mailing,
                     AuditRecord audit, DomainException.Conflict lost) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> {
      p.tableName(table.name()).item(item(notice)).conditionExpression(condition);
      if (!values.isEmpty()) {
        p.expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(values);
      }
    }).build());
    writes.add(AuditItems.put(table.name(), audit));
    mailing.ifPresent(occasion -> writes.add(TransactWriteItem.builder().put(p -> p.tableName(table.name())
        .item(DynamoDbNoticeMailings.item(occasion, audit.at()))).build()));
    if (!table.transactIfConditionsHold(writes)) {
      throw lost;
    }
  }

  @Override
  public Optional<Notice> find(String id) {
    var answer = table.client().getItem(r -> r.tableName(table.name()).consistentRead(true)
        .key(Map.of(Keys.PK, s(NoticeKeys.notice(id)), Keys.SK, s(NoticeKeys.NOTICE_SK))));
    return answer.hasItem() && !answer.item().isEmpty() ? Optional.of(notice(answer.item())) : Optional.empty();
  }

  @Override
  public List<Notice> current() {
    return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
            .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk", s(NoticeKeys.CURRENT))).build())
        .items().stream().map(DynamoDbNotices::notice).toList();
  }

  @Override
  public List<Notice> endedSince(Instant since, int limit) {
    return table.client().queryPaginator(QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
            .keyConditionExpression("GSI1PK = :pk AND GSI1SK >= :since").scanIndexForward(false)
            .expressionAttributeValues(Map.of(":pk", s(NoticeKeys.PAST), ":since", s(since.toString()))).limit(limit).build())
        .items().stream().limit(limit).map(DynamoDbNotices::notice).toList();
  }

  static Map<String, AttributeValue> item(Notice n) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(NoticeKeys.notice(n.id())));
    item.put(Keys.SK, s(NoticeKeys.NOTICE_SK));
    item.put("type", s("Notice"));
    item.put("id", s(n.id()));
    item.put("kind", s(n.kind().wireName()));
    item.put("service", s(n.service()));
    switch (n.affects()) {
      case Affects.All all -> item.put("affectsAll", AttributeValue.fromBool(true));
      case Affects.Customers some -> {
        item.put("affectsAll", AttributeValue.fromBool(false));
        item.put("customers", AttributeValue.fromL(some.customers().stream().map(TenantId::value).sorted()
            .map(DynamoDbNotices::s).toList()));
      }
    }
    item.put("startsAt", s(n.startsAt().toString()));
    n.expectedEndAt().ifPresent(at -> item.put("expectedEndAt", s(at.toString())));
    n.endedAt().ifPresent(at -> item.put("endedAt", s(at.toString())));
    item.put("status", s(n.status().wireName()));
    item.put("texts", AttributeValue.fromM(n.texts().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().tag(),
        e -> AttributeValue.fromM(Map.of("title", s(e.getValue().title()), "body", s(e.getValue().body())))))));
    item.put("updates", AttributeValue.fromL(n.updates().stream().map(DynamoDbNotices::update).toList()));
    item.put("createdAt", s(n.createdAt().toString()));
    item.put("createdBy", s(n.createdBy()));
    item.put("version", AttributeValue.fromN(Long.toString(n.version())));
    item.put(Keys.GSI1PK, s(NoticeKeys.list(n)));
    item.put(Keys.GSI1SK, s(NoticeKeys.listSort(n)));
    return item;
  }

  private static AttributeValue update(NoticeUpdate u) {
    Map<String, AttributeValue> texts = new HashMap<>();
    u.texts().forEach((language, text) -> texts.put(language.tag(), s(text)));
    return AttributeValue.fromM(Map.of("at", s(u.at().toString()), "status", s(u.status().wireName()), "actorId", s(u.actorId()),
        "texts", AttributeValue.fromM(texts)));
  }

  static Notice notice(Map<String, AttributeValue> item) {
    Affects affects = item.get("affectsAll").bool() ? new Affects.All()
        : new Affects.Customers(item.get("customers").l().stream().map(v -> new TenantId(v.s())).collect(Collectors.toSet()));
    Map<Language, Notice.Text> texts = new EnumMap<>(Language.class);
    item.get("texts").m().forEach((tag, v) -> texts.put(language(tag), new Notice.Text(v.m().get("title").s(), v.m().get("body").s())));
    List<NoticeUpdate> updates = item.get("updates").l().stream().map(AttributeValue::m).map(u -> {
      Map<Language, String> text = new EnumMap<>(Language.class);
      u.get("texts").m().forEach((tag, v) -> text.put(language(tag), v.s()));
      return new NoticeUpdate(Instant.parse(u.get("at").s()), WireEnum.parse(NoticeStatus.class, u.get("status").s()), text,
          u.get("actorId").s());
    }).toList();
    return new Notice(item.get("id").s(), WireEnum.parse(NoticeKind.class, item.get("kind").s()), item.get("service").s(), affects,
        Instant.parse(item.get("startsAt").s()), instant(item, "expectedEndAt"), instant(item, "endedAt"),
        WireEnum.parse(NoticeStatus.class, item.get("status").s()), texts, updates, Instant.parse(item.get("createdAt").s()),
        item.get("createdBy").s(), Long.parseLong(item.get("version").n()));
  }

  private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
    return Optional.ofNullable(item.get(name)).map(v -> Instant.parse(v.s()));
  }

  private static Language language(String tag) {
    return Language.valueOf(tag.toUpperCase(java.util.Locale.ROOT));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
