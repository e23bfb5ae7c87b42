package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.Keys;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@code USER#<sub> / PROFILE}; GSI1 finds it by e-mail; GSI2 lists it as pending (oldest first),
 * under its customer (by name) or as provider staff.
 */
final class UserItem {
  String pk;
  String sk;
  String gsi1pk;
  String gsi1sk;
  String gsi2pk;
  String gsi2sk;
  String id;
  String email;
  String firstName;
  String lastName;
  String displayName;
  String language;
  String status;
  String tenantId;
  String role;
  String deactivatedAt;
  Boolean mfaEnrolled;
  Map<String, Boolean> notifications;
  List<String> dashboard;
  String createdAt;
  String updatedAt;
  Long version;

  static final TableSchema<UserItem> SCHEMA = StaticTableSchema.builder(UserItem.class)
      .newItemSupplier(UserItem::new)
      .addAttribute(String.class, a -> a.name(Keys.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
      .addAttribute(String.class, a -> a.name(Keys.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
      .addAttribute(String.class, a -> a.name(Keys.GSI1PK).getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
          .tags(secondaryPartitionKey(Keys.GSI1)))
      .addAttribute(String.class, a -> a.name(Keys.GSI1SK).getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
          .tags(secondarySortKey(Keys.GSI1)))
      .addAttribute(String.class, a -> a.name(Keys.GSI2PK).getter(i -> i.gsi2pk).setter((i, v) -> i.gsi2pk = v)
          .tags(secondaryPartitionKey(Keys.GSI2)))
      .addAttribute(String.class, a -> a.name(Keys.GSI2SK).getter(i -> i.gsi2sk).setter((i, v) -> i.gsi2sk = v)
          .tags(secondarySortKey(Keys.GSI2)))
      .addAttribute(String.class, a -> a.name("type").getter(i -> "User").setter((i, v) -> { }))
      .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
      .addAttribute(String.class, a -> a.name("email").getter(i -> i.email).setter((i, v) -> i.email = v))
      .addAttribute(String.class, a -> a.name("firstName").getter(i -> i.firstName).setter((i, v) -> i.firstName = v))
      .addAttribute(String.class, a -> a.name("lastName").getter(i -> i.lastName).setter((i, v) -> i.lastName = v))
      .addAttribute(String.class, a -> a.name("displayName").getter(i -> i.displayName).setter((i, v) -> i.displayName = v))
      .addAttribute(String.class, a -> a.name("language").getter(i -> i.language).setter((i, v) -> i.language = v))
      .addAttribute(String.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v))
      .addAttribute(String.class, a -> a.name("tenantId").getter(i -> i.tenantId).setter((i, v) -> i.tenantId = v))
      .addAttribute(String.class, a -> a.name("role").getter(i -> i.role).setter((i, v) -> i.role = v))
      .addAttribute(String.class, a -> a.name("deactivatedAt").getter(i -> i.deactivatedAt).setter((i, v) -> i.deactivatedAt = v))
      .addAttribute(Boolean.class, a -> a.name("mfaEnrolled").getter(i -> i.mfaEnrolled).setter((i, v) -> i.mfaEnrolled = v))
      .addAttribute(EnhancedType.mapOf(String.class, Boolean.class), a -> a.name("notifications")
          .getter(i -> i.notifications).setter((i, v) -> i.notifications = v))
      .addAttribute(EnhancedType.listOf(String.class), a -> a.name("dashboard").getter(i -> i.dashboard)
          .setter((i, v) -> i.dashboard = v))
      .addAttribute(String.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
      .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
      .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v)
          .tags(VersionedRecordExtension.AttributeTags.versionAttribute()))
      .build();

  static UserItem from(UserProfile profile, Optional<Long> storedVersion) {
    UserItem item = new UserItem();
    item.pk = Keys.user(profile.id().value());
    item.sk = Keys.PROFILE_SK;
    item.gsi1pk = Keys.userByEmail(profile.email());
    item.gsi1sk = Keys.PROFILE_SK;
    item.id = profile.id().value();
    item.email = profile.email();
    item.firstName = profile.name().first();
    item.lastName = profile.name().last();
    item.displayName = profile.name().display();
    item.language = profile.language().name();
    item.mfaEnrolled = profile.mfaEnrolled();
    var n = profile.settings().notifications();
    item.notifications = Map.of("enabled", n.enabled(), "tickets", n.tickets(), "reports", n.reports(),
        "hourBundles", n.hourBundles(), "subscriptions", n.subscriptions(), "notices", n.notices());
    // a dashboard never chosen is not stored: the role's default set applies (AccountSettings.dashboardFor)
    item.dashboard = profile.settings().dashboardChosen()
        ? profile.settings().dashboard().stream().map(AccountSettings.DashboardWidget::name).toList() : null;
    item.createdAt = profile.createdAt().toString();
    item.updatedAt = profile.updatedAt().toString();
    item.version = storedVersion.orElse(null);
    String byName = Keys.byName(profile.name().display(), item.id);
    switch (profile.membership()) {
      case Membership.Pending p -> {
        item.status = "PENDING";
        item.gsi2pk = Keys.PENDING_USERS;
        item.gsi2sk = item.createdAt + "#" + item.id;
      }
      case Membership.CustomerMember m -> {
        item.status = "ACTIVE";
        item.tenantId = m.customer().value();
        item.role = m.role().wireName();
        item.gsi2pk = Keys.usersOf(m.customer());
        item.gsi2sk = byName;
      }
      case Membership.ProviderStaff s -> {
        item.status = "ACTIVE";
        item.role = s.role().wireName();
        item.gsi2pk = Keys.PROVIDER_STAFF;
        item.gsi2sk = byName;
      }
      case Membership.Deactivated d -> {
        item.status = "DEACTIVATED";
        item.deactivatedAt = d.at().toString();
        item.tenantId = d.formerCustomer().map(TenantId::value).orElse(null);
        item.gsi2pk = d.formerCustomer().map(Keys::usersOf).orElse(null);
        item.gsi2sk = d.formerCustomer().map(t -> byName).orElse(null);
      }
    }
    return item;
  }

  UserProfile toDomain() {
    return new UserProfile(new UserId(id), email, new UserProfile.PersonName(firstName, lastName, displayName),
        Language.valueOf(language), membership(), Boolean.TRUE.equals(mfaEnrolled), settings(), Instant.parse(createdAt),
        Instant.parse(updatedAt), version);
  }

  /**
   * The stored settings. No dashboard, or the list every profile was given before the dashboard existed (all eight
   * widgets of then, in their order: nobody could choose yet), means never chosen.
   */
  private AccountSettings settings() {
    var n = notifications == null ? AccountSettings.Notifications.ALL
        : new AccountSettings.Notifications(on("enabled"), on("tickets"), on("reports"), on("hourBundles"),
            on("subscriptions"), on("notices"));
    var widgets = dashboard == null ? null : dashboard.stream().map(AccountSettings.DashboardWidget::valueOf).toList();
    if (widgets == null || widgets.equals(AccountSettings.DashboardWidget.LEGACY_DEFAULT)) {
      return new AccountSettings(n, List.of(), false);
    }
    return new AccountSettings(n, widgets);
  }

  private boolean on(String key) {
    return !Boolean.FALSE.equals(notifications.get(key));
  }

  private Membership membership() {
    Optional<TenantId> tenant = Optional.ofNullable(tenantId).map(TenantId::new);
    return switch (status) {
      case "PENDING" -> new Membership.Pending();
      case "DEACTIVATED" -> new Membership.Deactivated(tenant, Instant.parse(deactivatedAt));
      case "ACTIVE" -> {
        Role r = Role.fromWire(role).orElseThrow(() -> new IllegalStateException("Stored role " + role));
        yield tenant.<Membership>map(t -> new Membership.CustomerMember(t, r)).orElseGet(() -> new Membership.ProviderStaff(r));
      }
      default -> throw new IllegalStateException("Stored status " + status);
    };
  }
}
