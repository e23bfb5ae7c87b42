package nl.klantportaal.notifications.adapter.dynamodb;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.audit.AuditObject;
import nl.klantportaal.core.audit.AuditRecord;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.notifications.domain.MailRoute;
import nl.klantportaal.notifications.port.MailRoutes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * The mail routing table: one GetItem per recipient domain, a keyed, cursor-paged Query for the admin list, and the
 * same Query read to its end for {@link #all()}.
 */
public final class DynamoDbMailRoutes implements MailRoutes {
  private final PortalTable table;
  private final DynamoDbTable<MailRouteItem> routes;

  public DynamoDbMailRoutes(PortalTable table) {
    this.table = table;
    this.routes = table.table(MailRouteItem.SCHEMA);
  }

  @Override
  public Optional<MailRoute> find(String domain) {
    return Optional.ofNullable(routes.getItem(key(domain))).map(MailRouteItem::toDomain);
  }

  @Override
  public Page<MailRoute> list(PageRequest page) {
    var scope = new CursorCodec.QueryScope("mail-routes", "table", Keys.PK, Keys.MAIL_ROUTES);
    return table.queryPage(MailRouteItem.SCHEMA, scope, page).map(MailRouteItem::toDomain);
  }

  @Override
  public List<MailRoute> all() {
    return routes.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.MAIL_ROUTES).build())).items().stream()
        .map(MailRouteItem::toDomain).toList();
  }

  /**
   * The route and its audit entry in one transaction, on a condition, so two admins saving the same domain at once cannot
   * overwrite each other: CREATE only where no route is stored; REPLACE only on the version read, where 0 holds for no
   * route stored and for one stored before routes had versions (no {@code version} attribute).
   */
  @Override
  public boolean put(MailRoute route, Mode mode) {
    var audit = new AuditRecord(route.updatedAt(), route.updatedBy(), "mail-route-saved",
        new AuditObject("mail-route", route.domain()), java.util.Map.of("configurationSet", route.configurationSet(),
            "version", Long.toString(route.version())));
    long read = route.version() - 1;
    Expression condition;
    if (mode == Mode.CREATE) {
      condition = Expression.builder().expression("attribute_not_exists(PK)").build();
    } else if (read == 0) {
      condition = Expression.builder().expression("attribute_not_exists(PK) OR attribute_not_exists(#v)")
          .expressionNames(Map.of("#v", MailRouteItem.VERSION)).build();
    } else {
      condition = Expression.builder().expression("#v = :v").expressionNames(Map.of("#v", MailRouteItem.VERSION))
          .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(read)))).build();
    }
    return AuditedWrites.withAudit(table, request -> request.addPutItem(routes, TransactPutItemEnhancedRequest
        .builder(MailRouteItem.class).item(MailRouteItem.from(route)).conditionExpression(condition).build()), audit);
  }

  @Override
  public boolean delete(String domain, long readVersion, AuditRecord audit) {
    Expression condition = readVersion == 0
        ? Expression.builder().expression("attribute_exists(PK) AND attribute_not_exists(#v)")
            .expressionNames(Map.of("#v", MailRouteItem.VERSION)).build()
        : Expression.builder().expression("#v = :v").expressionNames(Map.of("#v", MailRouteItem.VERSION))
            .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(readVersion)))).build();
    return AuditedWrites.withAudit(table, request -> request.addDeleteItem(routes, TransactDeleteItemEnhancedRequest.builder()
        .key(key(domain)).conditionExpression(condition).build()), audit);
  }

  private static Key key(String domain) {
    return Key.builder().partitionValue(Keys.MAIL_ROUTES).sortValue(domain.toLowerCase(Locale.ROOT)).build();
  }
}
