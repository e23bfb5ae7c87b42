package nl.klantportaal.accounts.adapter.dynamodb;

import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.AccountNotice;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.adapter.dynamodb.RawItem;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * User profiles with their audit trail; every change is a versioned write plus an audit entry in one transaction,
 * and, for a change that makes an account notice due, the notice's item ({@link NoticeItems}) in it as well.
 */
public final class DynamoDbUserRepository implements UserRepository {
  private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(PK)").build();

  private final PortalTable table;
  private final DynamoDbTable<UserItem> users;
  private final DynamoDbTable<AuditItem> audit;
  private final Optional<NoticeItems> notices;

  /** Profiles only: {@link #update(UserProfile, AuditEntry, AccountNotice)} is not wired here. */
  public DynamoDbUserRepository(PortalTable table) {
    this(table, Optional.empty());
  }

  /** Profiles whose changes may queue account notices in the format of {@code notices}. */
  public DynamoDbUserRepository(PortalTable table, NoticeItems notices) {
    this(table, Optional.of(notices));
  }

  private DynamoDbUserRepository(PortalTable table, Optional<NoticeItems> notices) {
    this.table = table;
    this.users = table.table(UserItem.SCHEMA);
    this.audit = table.table(AuditItem.SCHEMA);
    this.notices = notices;
  }

  @Override
  public boolean createIfAbsent(UserProfile profile) {
    try {
      users.putItem(UserItem.from(profile, Optional.empty()));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void create(UserProfile profile, AuditEntry entry) {
    try {
      table.enhanced().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(users, UserItem.from(profile, Optional.empty()))
          .addPutItem(audit, AuditItem.put(entry))
          .build());
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.ALREADY_EXISTS, "User " + profile.id() + " exists");
      }
      throw e;
    }
  }

  @Override
  public Optional<UserProfile> find(UserId id) {
    return table.get(UserItem.SCHEMA, Keys.user(id.value()), Keys.PROFILE_SK, false).map(UserItem::toDomain);
  }

  @Override
  public java.util.List<UserProfile> withEmail(String email) {
    return users.index(Keys.GSI1).query(r -> r.queryConditional(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional
            .keyEqualTo(Key.builder().partitionValue(Keys.userByEmail(email)).build())).limit(5))
        .stream().limit(1).flatMap(page -> page.items().stream()).map(UserItem::toDomain).toList();
  }

  @Override
  public void update(UserProfile next, AuditEntry entry) {
    update(next, entry, Optional.empty());
  }

  @Override
  public void update(UserProfile next, AuditEntry entry, AccountNotice notice) {
    NoticeItems format = notices.orElseThrow(() -> new IllegalStateException(
        "This user repository is not wired to queue account notices (IdentityWiring.users(NoticeItems))"));
    update(next, entry, Optional.of(new RawItem(format.item(notice))));
  }

  /**
   * The versioned profile and its audit entry, and the notice's item if any (put only when absent), in one
   * transaction. Any condition failing is a version conflict: the notice's key exists only once its version was written.
   */
  private void update(UserProfile next, AuditEntry entry, Optional<RawItem> notice) {
    var request = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(users, UserItem.from(next, Optional.of(next.version() - 1)))
        .addPutItem(audit, AuditItem.put(entry));
    notice.ifPresent(item -> request.addPutItem(table.table(RawItem.SCHEMA),
        TransactPutItemEnhancedRequest.builder(RawItem.class).item(item).conditionExpression(ABSENT).build()));
    try {
      table.enhanced().transactWriteItems(request.build());
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons()
          && e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
            "User " + next.id() + " was changed by someone else");
      }
      throw e;
    }
  }

  @Override
  public void erase(UserProfile current, AuditEntry entry) {
    try {
      table.enhanced().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addDeleteItem(users, software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest.builder()
              .key(Key.builder().partitionValue(Keys.user(current.id().value())).sortValue(Keys.PROFILE_SK).build())
              .conditionExpression(software.amazon.awssdk.enhanced.dynamodb.Expression.builder().expression("version = :v")
                  .putExpressionValue(":v", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                      Long.toString(current.version()))).build())
              .build())
          .addPutItem(audit, AuditItem.put(entry))
          .build());
    } catch (TransactionCanceledException e) {
      if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
        throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
            "User " + current.id() + " was changed by someone else");
      }
      throw e;
    }
  }

  @Override
  public Page<UserProfile> pending(PageRequest page) {
    var scope = new CursorCodec.QueryScope("pending-users", Keys.GSI2, Keys.GSI2PK, Keys.PENDING_USERS);
    return table.queryPage(UserItem.SCHEMA, scope, page).map(UserItem::toDomain);
  }

  @Override
  public Page<UserProfile> staff(PageRequest page) {
    var scope = new CursorCodec.QueryScope("provider-staff", Keys.GSI2, Keys.GSI2PK, Keys.PROVIDER_STAFF);
    return table.queryPage(UserItem.SCHEMA, scope, page).map(UserItem::toDomain);
  }

  @Override
  public Page<UserProfile> ofCustomer(TenantId customer, PageRequest page) {
    var scope = new CursorCodec.QueryScope("customer-users", Keys.GSI2, Keys.GSI2PK, Keys.usersOf(customer));
    return table.queryPage(UserItem.SCHEMA, scope, page).map(UserItem::toDomain);
  }
}
