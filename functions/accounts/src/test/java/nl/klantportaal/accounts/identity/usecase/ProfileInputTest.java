package nl.klantportaal.accounts.identity.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.AccountSettings.DashboardWidget;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** PATCH /me's dashboard: the widgets by wire name, the choice kept when absent, unknown and repeated ones refused. */
class ProfileInputTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");
  private static final UserProfile NEWCOMER = new UserProfile(new UserId("u-1"), "ilse@acme.example.test",
      new UserProfile.PersonName("Ilse", "Acme", "Ilse"), Language.NL,
      new Membership.CustomerMember(new TenantId("acme"), Role.CUSTOMER_ADMIN), true, AccountSettings.DEFAULT, AT, AT, 3);

  private static ProfileInput dashboard(List<String> widgets) {
    return new ProfileInput(null, null, null, null, null, widgets, 3L);
  }

  @Test
  void theNewWidgetsAreAcceptedAndTheListIsTheUsersChoiceInItsOrder() {
    var valid = dashboard(List.of("sla-at-risk", "approvals", "waiting", "open-tickets")).applyTo(NEWCOMER);
    assertTrue(valid.settings().dashboardChosen());
    assertEquals(List.of(DashboardWidget.SLA_AT_RISK, DashboardWidget.APPROVALS, DashboardWidget.WAITING, DashboardWidget.OPEN_TICKETS),
        valid.settings().dashboard());
  }

  @Test
  void everyWidgetOfTheEnumIsAcceptedTheOldOnesToo() {
    var all = Arrays.stream(DashboardWidget.values()).map(DashboardWidget::wireName).toList();
    assertEquals(List.of(DashboardWidget.values()), dashboard(all).applyTo(NEWCOMER).settings().dashboard());
  }

  @Test
  void anEmptyListSwitchesEveryWidgetOff() {
    var valid = dashboard(List.of()).applyTo(NEWCOMER);
    assertTrue(valid.settings().dashboardChosen());
    assertEquals(List.of(), valid.settings().dashboardFor(Role.CUSTOMER_ADMIN));
  }

  @Test
  void withoutADashboardTheDefaultStaysTheDefault() {
    var input = new ProfileInput("Ilse", null, null, null,
        new ProfileInput.NotificationsInput(null, null, false, null, null, null), null, 3L);
    var settings = input.applyTo(NEWCOMER).settings();
    assertFalse(settings.dashboardChosen(), "changing the mail preferences is no dashboard choice");
    assertFalse(settings.notifications().reports());
    var chosen = new UserProfile(NEWCOMER.id(), NEWCOMER.email(), NEWCOMER.name(), NEWCOMER.language(), NEWCOMER.membership(), true,
        new AccountSettings(AccountSettings.Notifications.ALL, List.of(DashboardWidget.REPORTS)), AT, AT, 3);
    assertEquals(List.of(DashboardWidget.REPORTS), input.applyTo(chosen).settings().dashboard(), "a choice stays as it was");
  }

  @Test
  void unknownRepeatedAndEmptyWidgetsAreFieldErrors() {
    var e = assertThrows(DomainException.InvalidInput.class,
        () -> dashboard(Arrays.asList("waiting", "weather", "waiting", null, "SLA_AT_RISK")).applyTo(NEWCOMER));
    assertEquals(List.of("dashboard[1]", "dashboard[2]", "dashboard[3]", "dashboard[4]"), e.errors().stream().map(FieldError::field).toList());
    assertEquals(List.of("one-of", "duplicate", "required", "one-of"), e.errors().stream().map(FieldError::code).toList(),
        "the stored constant name is no wire name");
  }
}
