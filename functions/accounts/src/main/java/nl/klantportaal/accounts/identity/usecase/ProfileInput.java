package nl.klantportaal.accounts.identity.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.Validation;

/**
 * PATCH /me: the fields the user may change (names, language, mail preferences, dashboard);
 * an absent field stays as it is. {@code dashboard} is the whole list of widgets the user wants, in order, by
 * wire name (an empty list: none); an unknown or repeated widget is a field error {@code dashboard[i]}. Role, customer and e-mail are not among them (the seed: role and
 * username are read-only; the e-mail changes through its own verified flow).
 */
public record ProfileInput(String firstName, String lastName, String displayName, String language,
    NotificationsInput notifications, List<String> dashboard, Long version) {

  public record NotificationsInput(Boolean enabled, Boolean tickets, Boolean reports, Boolean hourBundles,
      Boolean subscriptions, Boolean notices) {}

  public record Valid(UserProfile.PersonName name, Language language, AccountSettings settings, long version) {}

  public Valid applyTo(UserProfile profile) {
    Validation v = new Validation();
    var first = optional(v, "firstName", firstName).orElse(profile.name().first());
    var last = optional(v, "lastName", lastName).orElse(profile.name().last());
    var display = optional(v, "displayName", displayName).orElse(profile.name().display());
    var lang = v.optionalEnum("language", language, Language.values(), Language::tag).orElse(profile.language());
    var widgets = widgets(v, profile.settings().dashboard());
    v.check(version != null, "version", "required", "is required: the version you read");
    v.throwIfInvalid();
    // without a dashboard the choice stays as it was: a user who never chose keeps its role's default set
    boolean chosen = dashboard != null || profile.settings().dashboardChosen();
    return new Valid(new UserProfile.PersonName(first, last, display), lang,
        new AccountSettings(notifications(profile.settings().notifications()), widgets, chosen), version);
  }

  private static Optional<String> optional(Validation v, String field, String value) {
    if (value != null && value.isBlank()) {
      v.check(false, field, "required", "must not be empty");
      return Optional.empty();
    }
    return v.optionalText(field, value, 100);
  }

  private List<AccountSettings.DashboardWidget> widgets(Validation v, List<AccountSettings.DashboardWidget> current) {
    if (dashboard == null) {
      return current;
    }
    List<AccountSettings.DashboardWidget> widgets = new ArrayList<>();
    for (int i = 0; i < dashboard.size(); i++) {
      if (dashboard.get(i) == null) {
        v.check(false, "dashboard[" + i + "]", "required", "must be a widget");
        continue;
      }
      var widget = v.optionalEnum("dashboard[" + i + "]", dashboard.get(i), AccountSettings.DashboardWidget.values(),
          AccountSettings.DashboardWidget::wireName);
      if (widget.isPresent() && widgets.contains(widget.get())) {
        v.check(false, "dashboard[" + i + "]", "duplicate", "is listed twice");
      } else {
        widget.ifPresent(widgets::add);
      }
    }
    return widgets;
  }

  private AccountSettings.Notifications notifications(AccountSettings.Notifications current) {
    if (notifications == null) {
      return current;
    }
    NotificationsInput n = notifications;
    return new AccountSettings.Notifications(or(n.enabled(), current.enabled()), or(n.tickets(), current.tickets()),
        or(n.reports(), current.reports()), or(n.hourBundles(), current.hourBundles()),
        or(n.subscriptions(), current.subscriptions()), or(n.notices(), current.notices()));
  }

  private static boolean or(Boolean value, boolean current) {
    return value == null ? current : value;
  }
}
