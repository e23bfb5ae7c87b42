package nl.klantportaal.accounts.identity.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.klantportaal.accounts.customer.port.CustomerRepository;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserRepository;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.paging.PageView;

/**
 * The provider's linking queue: pending accounts oldest first, each with its age against the
 * 12-hour promise of the sign-up page and the customer whose registered e-mail domain matches.
 */
public final class ListPendingUsers {
  public static final Duration PROMISE = Duration.ofHours(12);

  private final UserRepository users;
  private final CustomerRepository customers;
  private final Clock clock;

  public ListPendingUsers(UserRepository users, CustomerRepository customers, Clock clock) {
    this.users = users;
    this.customers = customers;
    this.clock = clock;
  }

  public PageView<PendingUserView> execute(PageRequest page) {
    Instant now = clock.instant();
    return PageView.of(users.pending(page), profile -> view(profile, now));
  }

  private PendingUserView view(UserProfile profile, Instant now) {
    Duration age = Duration.between(profile.createdAt(), now);
    String domain = profile.email().substring(profile.email().indexOf('@') + 1).toLowerCase(Locale.ROOT);
    return new PendingUserView(profile.id().value(), profile.email(), profile.name().display(), profile.createdAt(),
        age.toMinutes(), age.compareTo(PROMISE) > 0, customers.findByDomain(domain).map(t -> t.value()),
        profile.version());
  }

  /** One pending account as the provider admin sees it. */
  public record PendingUserView(String userId, String email, String displayName, Instant signedUpAt,
      long waitingMinutes, boolean overdue, Optional<String> suggestedCustomerId, long version) {}
}
