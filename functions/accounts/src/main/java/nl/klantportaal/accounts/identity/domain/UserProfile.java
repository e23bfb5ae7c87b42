package nl.klantportaal.accounts.identity.domain;

import java.time.Instant;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;

/** A portal user as the portal stores it; Cognito holds the credentials, this holds everything else. */
public record UserProfile(
    UserId id,
    String email,
    PersonName name,
    Language language,
    Membership membership,
    boolean mfaEnrolled,
    AccountSettings settings,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** A confirmed sign-up: pending, not enrolled, default settings, version 1. */
  public static UserProfile signedUp(UserId id, String email, PersonName name, Language language, Instant at) {
    return new UserProfile(id, email, name, language, new Membership.Pending(), false, AccountSettings.DEFAULT, at, at, 1);
  }

  /** A provider staff account created by an admin (or the bootstrap command): active, not yet enrolled. */
  public static UserProfile staff(UserId id, String email, PersonName name, Language language, Role role, Instant at) {
    return new UserProfile(id, email, name, language, new Membership.ProviderStaff(role), false, AccountSettings.DEFAULT,
        at, at, 1);
  }

  public UserProfile withMembership(Membership next, Instant at) {
    return new UserProfile(id, email, name, language, next, mfaEnrolled, settings, createdAt, at, version + 1);
  }

  public UserProfile withMfaEnrolled(boolean enrolled, Instant at) {
    return new UserProfile(id, email, name, language, membership, enrolled, settings, createdAt, at, version + 1);
  }

  public UserProfile withDetails(PersonName newName, Language newLanguage, AccountSettings newSettings, Instant at) {
    return new UserProfile(id, email, newName, newLanguage, membership, mfaEnrolled, newSettings, createdAt, at, version + 1);
  }

  public UserProfile withEmail(String newEmail, Instant at) {
    return new UserProfile(id, newEmail, name, language, membership, mfaEnrolled, settings, createdAt, at, version + 1);
  }

  public boolean isDeactivated() {
    return membership instanceof Membership.Deactivated;
  }

  /** First, last and display name as the user entered them at sign-up (seed: "voornaam, achternaam en weergegeven naam"). */
  public record PersonName(String first, String last, String display) {}
}
