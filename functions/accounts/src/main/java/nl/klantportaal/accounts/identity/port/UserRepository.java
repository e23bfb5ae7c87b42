package nl.klantportaal.accounts.identity.port;

import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.AccountNotice;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;

/** User profiles, keyed by the Cognito sub, with the views the provider and customer admins need. */
public interface UserRepository {

  /** Stores a new profile; false if one exists already (a redelivered trigger). */
  boolean createIfAbsent(UserProfile profile);

  /** Stores a new profile with its audit entry in one transaction; Conflict ALREADY_EXISTS if it exists. */
  void create(UserProfile profile, AuditEntry audit);

  Optional<UserProfile> find(UserId id);

  /**
   * The accounts whose e-mail address is {@code email} (case-insensitive; data model pattern 6). One at
   * most while addresses are unique; a caller treats more than one as no match.
   */
  java.util.List<UserProfile> withEmail(String email);

  /**
   * Replaces the profile if the stored version is {@code next.version() - 1} and appends the audit
   * entry in the same transaction; Conflict VERSION otherwise.
   */
  void update(UserProfile next, AuditEntry audit);

  /**
   * {@link #update(UserProfile, AuditEntry)}, and in the same transaction the notice the change makes due, queued for
   * {@link AccountMailbox#send}: the profile, its audit entry and the notice are written together or not at all. A
   * repository not wired with the outbox's item format throws {@link IllegalStateException}.
   */
  void update(UserProfile next, AuditEntry audit, AccountNotice notice);

  /**
   * Deletes the profile (GDPR erasure: the one item with the person's name and address) if the stored
   * version is still {@code current.version()}, and appends the audit entry in the same transaction;
   * Conflict VERSION otherwise.
   */
  void erase(UserProfile current, AuditEntry audit);

  /** Pending accounts, oldest first. */
  Page<UserProfile> pending(PageRequest page);

  /** Provider staff accounts (agents and admins), by name. */
  Page<UserProfile> staff(PageRequest page);

  /** The accounts of one customer (active and deactivated), by display name. */
  Page<UserProfile> ofCustomer(TenantId customer, PageRequest page);

  /** A customer's admins who want mail on {@code topic} (their account settings), read page by page. */
  default java.util.List<UserProfile> adminsWanting(TenantId customer,
      nl.klantportaal.accounts.identity.domain.AccountSettings.Topic topic) {
    java.util.List<UserProfile> admins = new java.util.ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<UserProfile> page = ofCustomer(customer, new PageRequest(cursor, 100));
      for (UserProfile user : page.items()) {
        if (user.membership() instanceof nl.klantportaal.accounts.identity.domain.Membership.CustomerMember m
            && m.role() == nl.klantportaal.core.claims.Role.CUSTOMER_ADMIN && user.settings().notifications().wants(topic)) {
          admins.add(user);
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return admins;
  }
}
