package nl.klantportaal.accounts.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** The dashboard as stored: nothing while never chosen, constant names once chosen, and the profiles of before it. */
class UserItemDashboardTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");

  private static UserProfile with(AccountSettings settings) {
    return new UserProfile(new UserId("u-1"), "jan@acme.example.test", new UserProfile.PersonName("Jan", "Acme", "Jan"), Language.NL,
        new Membership.CustomerMember(new TenantId("acme"), Role.CUSTOMER_USER), true, settings, AT, AT, 2);
  }

  @Test
  void aDashboardNeverChosenIsNotStoredAndReadsAsNeverChosen() {
    var item = UserItem.from(with(AccountSettings.DEFAULT), Optional.empty());
    assertNull(item.dashboard);
    item.version = 2L;
    var settings = item.toDomain().settings();
    assertFalse(settings.dashboardChosen());
    assertEquals(DashboardWidget.defaultsFor(Role.CUSTOMER_USER), settings.dashboardFor(Role.CUSTOMER_USER));
  }

  @Test
  void aChoiceIsStoredByConstantNameAndReadBackInItsOrderAnEmptyOneToo() {
    var chosen = new AccountSettings(AccountSettings.Notifications.ALL, List.of(DashboardWidget.SLA_AT_RISK, DashboardWidget.WAITING));
    var item = UserItem.from(with(chosen), Optional.empty());
    assertEquals(List.of("SLA_AT_RISK", "WAITING"), item.dashboard);
    item.version = 2L;
    assertEquals(chosen, item.toDomain().settings());
    var none = UserItem.from(with(new AccountSettings(AccountSettings.Notifications.ALL, List.of())), Optional.empty());
    assertEquals(List.of(), none.dashboard);
    none.version = 2L;
    assertTrue(none.toDomain().settings().dashboardChosen());
    assertEquals(List.of(), none.toDomain().settings().dashboardFor(Role.CUSTOMER_USER));
  }

  @Test
  void theListEveryProfileGotBeforeTheDashboardExistedMeansNeverChosenAndOtherOldListsStillParse() {
    var item = UserItem.from(with(AccountSettings.DEFAULT), Optional.empty());
    item.version = 2L;
    item.dashboard = List.of("OPEN_TICKETS", "SLA", "HOUR_BUNDLES", "SUBSCRIPTIONS", "INVOICES", "REPORTS", "NOTICES", "KNOWLEDGE");
    assertFalse(item.toDomain().settings().dashboardChosen());
    assertEquals(DashboardWidget.defaultsFor(Role.CUSTOMER_USER), item.toDomain().settings().dashboardFor(Role.CUSTOMER_USER));
    item.dashboard = List.of("SLA", "OPEN_TICKETS");
    assertEquals(List.of(DashboardWidget.SLA, DashboardWidget.OPEN_TICKETS), item.toDomain().settings().dashboardFor(Role.CUSTOMER_USER));
    item.notifications = null;
    assertEquals(AccountSettings.Notifications.ALL, item.toDomain().settings().notifications(), "no preferences stored: every mail");
  }
}
