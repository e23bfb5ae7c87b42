package nl.klantportaal.accounts.identity.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.Caller;

/**
 * GET /me: the verified claims and the stored profile (role and customer read-only). {@code dashboard} is what the
 * user sees: its choice, or while {@code dashboardChosen} is false the default set of the caller's role.
 */
public record ProfileView(String userId, Optional<String> email, String role, Optional<String> customerId,
    boolean mfaEnrolled, boolean pending, Optional<Instant> pendingSince, Optional<Details> profile) {

  public record Details(String email, String firstName, String lastName, String displayName, String language,
      AccountSettings.Notifications notifications, List<String> dashboard, boolean dashboardChosen, long version) {}

  public static ProfileView of(Caller caller, Optional<UserProfile> stored) {
    return new ProfileView(caller.userId().value(), caller.email(), caller.role().wireName(),
        caller.tenant().map(t -> t.value()), caller.mfaEnrolled(), caller.isPending(),
        stored.filter(p -> p.membership() instanceof Membership.Pending).map(UserProfile::createdAt),
        stored.map(p -> new Details(p.email(), p.name().first(), p.name().last(), p.name().display(),
            p.language().tag(), p.settings().notifications(),
            p.settings().dashboardFor(caller.role()).stream().map(AccountSettings.DashboardWidget::wireName).toList(),
            p.settings().dashboardChosen(), p.version())));
  }
}
