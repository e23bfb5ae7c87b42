package nl.klantportaal.accounts.identity.domain;

import java.util.List;
import nl.klantportaal.core.claims.Role;

/**
 * What a user sets for itself (seed: "Accountgegevens", "E-mailvoorkeuren", "Dashboardinstellingen"):
 * which mails it wants, and which dashboard widgets it sees in what order.
 *
 * <p>A user who never chose its widgets ({@code dashboardChosen} false, {@code dashboard} empty) sees the
 * default set of its role ({@link DashboardWidget#defaultsFor}), which follows the role when it changes;
 * once it saves a choice ({@code PATCH /me} with {@code dashboard}), that list holds, an empty one too.
 */
public record AccountSettings(Notifications notifications, List<DashboardWidget> dashboard, boolean dashboardChosen) {
  /** Every mail on, the dashboard not chosen (the role's default set). */
  public static final AccountSettings DEFAULT = new AccountSettings(Notifications.ALL, List.of(), false);

  public AccountSettings {
    dashboard = dashboardChosen ? List.copyOf(dashboard) : List.of();
    if (dashboard.stream().distinct().count() != dashboard.size()) {
      throw new IllegalArgumentException("A widget appears once at most");
    }
  }

  /** Settings with a dashboard the user chose. */
  public AccountSettings(Notifications notifications, List<DashboardWidget> dashboard) {
    this(notifications, dashboard, true);
  }

  /** The widgets a user of this role sees: its choice, or the role's default set while it never chose. */
  public List<DashboardWidget> dashboardFor(Role role) {
    return dashboardChosen ? dashboard : DashboardWidget.defaultsFor(role);
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

  /**
   * A dashboard widget (issue 17): each is served by its own context's read route (docs/portal.md "Dashboard").
   * Stored by constant name, so a constant is never renamed or removed: stored lists must keep parsing.
   * {@code SLA} predates the dashboard and was never given a card: the staff widget is {@code SLA_AT_RISK};
   * {@code NOTICES} and {@code KNOWLEDGE} wait for their contexts. Any widget may be stored for any role (a role
   * can change); the portal shows those the role can have.
   */
  public enum DashboardWidget {
    OPEN_TICKETS("open-tickets"), SLA("sla"), HOUR_BUNDLES("hour-bundles"), SUBSCRIPTIONS("subscriptions"),
    INVOICES("invoices"), REPORTS("reports"), NOTICES("notices"), KNOWLEDGE("knowledge"),
    /** Service requests waiting for a customer admin's approval. */
    APPROVALS("approvals"),
    /** Tickets waiting for me: a customer's own tickets waiting for the customer; staff's assigned tickets that are theirs to move. */
    WAITING("waiting"),
    /** Provider staff: the oldest new and open tickets whose SLA target is breached or past its warning. */
    SLA_AT_RISK("sla-at-risk");

    /** What every stored profile held before the dashboard existed (the old default, all eight in this order). */
    public static final List<DashboardWidget> LEGACY_DEFAULT =
        List.of(OPEN_TICKETS, SLA, HOUR_BUNDLES, SUBSCRIPTIONS, INVOICES, REPORTS, NOTICES, KNOWLEDGE);

    private final String wireName;

    DashboardWidget(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /**
     * What a newcomer of a role sees: the widgets of its role whose contexts exist. A customer user: its open
     * tickets, those waiting for it, hours, subscriptions ending and the latest reports (the last three hide
     * themselves where the organisation shows them to admins only); a customer admin also the approvals and the
     * open invoices; provider staff their own tickets, those waiting for them and the SLA at risk; a user not
     * linked yet: none (it sees the waiting page).
     */
    public static List<DashboardWidget> defaultsFor(Role role) {
      return switch (role) {
        case CUSTOMER_USER -> List.of(OPEN_TICKETS, WAITING, HOUR_BUNDLES, SUBSCRIPTIONS, REPORTS);
        case CUSTOMER_ADMIN -> List.of(OPEN_TICKETS, APPROVALS, WAITING, HOUR_BUNDLES, SUBSCRIPTIONS, INVOICES, REPORTS);
        case PROVIDER_AGENT, PROVIDER_ADMIN -> List.of(OPEN_TICKETS, WAITING, SLA_AT_RISK);
        case NONE -> List.of();
      };
    }
  }
}
