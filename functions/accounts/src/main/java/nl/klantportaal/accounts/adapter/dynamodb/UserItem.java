package nl.klantportaal.accounts.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;

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
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

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

  static final TableSchema<UserItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<UserItem> {
    Schema() {
      super(UserItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI1, Keys.GSI1PK)
          .indexSortKey(Keys.GSI1, Keys.GSI1SK)
          .indexPartitionKey(Keys.GSI2, Keys.GSI2PK)
          .indexSortKey(Keys.GSI2, Keys.GSI2SK)
          .version("version"), new UserItem());
    }

    @Override
    protected void write(UserItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string(Keys.GSI1PK, i.gsi1pk)
          .string(Keys.GSI1SK, i.gsi1sk)
          .string(Keys.GSI2PK, i.gsi2pk)
          .string(Keys.GSI2SK, i.gsi2sk)
          .string("type", "User")
          .string("id", i.id)
          .string("email", i.email)
          .string("firstName", i.firstName)
          .string("lastName", i.lastName)
          .string("displayName", i.displayName)
          .string("language", i.language)
          .string("status", i.status)
          .string("tenantId", i.tenantId)
          .string("role", i.role)
          .string("deactivatedAt", i.deactivatedAt)
          .bool("mfaEnrolled", i.mfaEnrolled)
          .boolMap("notifications", i.notifications)
          .strings("dashboard", i.dashboard)
          .string("createdAt", i.createdAt)
          .string("updatedAt", i.updatedAt)
          .number("version", i.version);
    }

    @Override
    protected UserItem read(In in) {
      UserItem i = new UserItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.gsi1pk = in.string(Keys.GSI1PK);
      i.gsi1sk = in.string(Keys.GSI1SK);
      i.gsi2pk = in.string(Keys.GSI2PK);
      i.gsi2sk = in.string(Keys.GSI2SK);
      i.id = in.string("id");
      i.email = in.string("email");
      i.firstName = in.string("firstName");
      i.lastName = in.string("lastName");
      i.displayName = in.string("displayName");
      i.language = in.string("language");
      i.status = in.string("status");
      i.tenantId = in.string("tenantId");
      i.role = in.string("role");
      i.deactivatedAt = in.string("deactivatedAt");
      i.mfaEnrolled = in.bool("mfaEnrolled");
      i.notifications = in.boolMap("notifications");
      i.dashboard = in.strings("dashboard");
      i.createdAt = in.string("createdAt");
      i.updatedAt = in.string("updatedAt");
      i.version = in.number("version");
      return i;
    }
  }

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
