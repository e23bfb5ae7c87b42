package nl.klantportaal.accounts.identity.domain;

import java.util.List;

/**
 * What a user sets for itself (seed: "Accountgegevens", "E-mailvoorkeuren", dashboard widgets):
 * which mails it wants, and which dashboard widgets it sees in what order.
 */
public record AccountSettings(Notifications notifications, List<DashboardWidget> dashboard) {
  public static final AccountSettings DEFAULT = new AccountSettings(Notifications.ALL, List.of(DashboardWidget.values()));

  public AccountSettings {
    dashboard = List.copyOf(dashboard);
    if (dashboard.stream().distinct().count() != dashboard.size()) {
      throw new IllegalArgumentException("A widget appears once at most");
    }
  }

  /** A global switch plus one per kind of mail; the global switch off silences them all. */
  public record Notifications(boolean enabled, boolean tickets, boolean reports, boolean hourBundles,
      boolean subscriptions, boolean notices) {
    public static final Notifications ALL = new Notifications(true, true, true, true, true, true);

    public boolean wants(Topic topic) {
      return enabled && switch (topic) {
        case TICKETS -> tickets;
        case REPORTS -> reports;
        case HOUR_BUNDLES -> hourBundles;
        case SUBSCRIPTIONS -> subscriptions;
        case NOTICES -> notices;
      };
    }
  }

  public enum Topic { TICKETS, REPORTS, HOUR_BUNDLES, SUBSCRIPTIONS, NOTICES }

  public enum DashboardWidget {
    OPEN_TICKETS("open-tickets"), SLA("sla"), HOUR_BUNDLES("hour-bundles"), SUBSCRIPTIONS("subscriptions"),
    INVOICES("invoices"), REPORTS("reports"), NOTICES("notices"), KNOWLEDGE("knowledge");

    private final String wireName;

    DashboardWidget(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
