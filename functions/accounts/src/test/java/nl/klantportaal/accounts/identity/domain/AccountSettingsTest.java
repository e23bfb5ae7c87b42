package nl.klantportaal.accounts.identity.domain;

import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.APPROVALS;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.HOUR_BUNDLES;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.INVOICES;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.OPEN_TICKETS;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.REPORTS;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.SLA;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.SLA_AT_RISK;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.SUBSCRIPTIONS;
import static nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget;
import nl.klantportaal.accounts.identity.domain.AccountSettings.Notifications;
import nl.klantportaal.core.claims.Role;
import org.junit.jupiter.api.Test;

class AccountSettingsTest {

  @Test
  void aNewcomerSeesTheDefaultSetOfItsRole() {
    assertFalse(AccountSettings.DEFAULT.dashboardChosen());
    assertEquals(List.of(), AccountSettings.DEFAULT.dashboard(), "nothing chosen is stored");
    assertEquals(List.of(OPEN_TICKETS, WAITING, HOUR_BUNDLES, SUBSCRIPTIONS, REPORTS),
        AccountSettings.DEFAULT.dashboardFor(Role.CUSTOMER_USER));
    assertEquals(List.of(OPEN_TICKETS, APPROVALS, WAITING, HOUR_BUNDLES, SUBSCRIPTIONS, INVOICES, REPORTS),
        AccountSettings.DEFAULT.dashboardFor(Role.CUSTOMER_ADMIN));
    assertEquals(List.of(OPEN_TICKETS, WAITING, SLA_AT_RISK), AccountSettings.DEFAULT.dashboardFor(Role.PROVIDER_AGENT));
    assertEquals(List.of(OPEN_TICKETS, WAITING, SLA_AT_RISK), AccountSettings.DEFAULT.dashboardFor(Role.PROVIDER_ADMIN));
    assertEquals(List.of(), AccountSettings.DEFAULT.dashboardFor(Role.NONE), "a user waiting to be linked sees its waiting page");
  }

  @Test
  void theDefaultsHoldOnlyWidgetsWhoseContextsExistAndTheRoleCanHave() {
    for (Role role : Role.values()) {
      var defaults = DashboardWidget.defaultsFor(role);
      assertFalse(defaults.contains(SLA), "sla was never given a card");
      assertFalse(defaults.contains(DashboardWidget.NOTICES) || defaults.contains(DashboardWidget.KNOWLEDGE), role + ": no context yet");
      assertEquals(defaults.size(), defaults.stream().distinct().count());
      if (role.isProviderStaff()) {
        assertTrue(defaults.stream().noneMatch(w -> List.of(APPROVALS, INVOICES, HOUR_BUNDLES, SUBSCRIPTIONS, REPORTS).contains(w)),
            "staff read a customer's hours, invoices and reports from the customer's page");
      }
      if (role != Role.CUSTOMER_ADMIN) {
        assertFalse(defaults.contains(APPROVALS) || defaults.contains(INVOICES), role + ": approvals and invoices are the admin's");
      }
      if (role.isCustomer()) {
        assertFalse(defaults.contains(SLA_AT_RISK), "the SLA at risk is the staff's");
      }
    }
  }

  @Test
  void aChoiceHoldsWhateverTheRoleAnEmptyOneToo() {
    var chosen = new AccountSettings(Notifications.ALL, List.of(REPORTS, OPEN_TICKETS));
    assertTrue(chosen.dashboardChosen());
    assertEquals(List.of(REPORTS, OPEN_TICKETS), chosen.dashboardFor(Role.CUSTOMER_ADMIN), "in the chosen order");
    assertEquals(List.of(REPORTS, OPEN_TICKETS), chosen.dashboardFor(Role.PROVIDER_AGENT), "kept across a role change");
    assertEquals(List.of(), new AccountSettings(Notifications.ALL, List.of()).dashboardFor(Role.CUSTOMER_USER), "all switched off");
    assertThrows(IllegalArgumentException.class, () -> new AccountSettings(Notifications.ALL, List.of(WAITING, WAITING)));
  }

  @Test
  void everyWireNameIsKebabCaseAndUniqueAndTheStoredNamesOfBeforeTheDashboardStillParse() {
    var wire = Arrays.stream(DashboardWidget.values()).map(DashboardWidget::wireName).toList();
    assertEquals(wire.size(), wire.stream().distinct().count());
    assertTrue(wire.stream().allMatch(w -> w.matches("[a-z]+(-[a-z]+)*")), wire.toString());
    assertTrue(wire.containsAll(List.of("approvals", "waiting", "sla-at-risk")));
    for (String stored : List.of("OPEN_TICKETS", "SLA", "HOUR_BUNDLES", "SUBSCRIPTIONS", "INVOICES", "REPORTS", "NOTICES", "KNOWLEDGE")) {
      assertEquals(stored, DashboardWidget.valueOf(stored).name());
    }
    assertEquals(List.of(OPEN_TICKETS, SLA, HOUR_BUNDLES, SUBSCRIPTIONS, INVOICES, REPORTS, DashboardWidget.NOTICES,
        DashboardWidget.KNOWLEDGE), DashboardWidget.LEGACY_DEFAULT);
  }
}
