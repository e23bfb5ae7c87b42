package nl.klantportaal.identity.adapter.cognito;

import java.util.Set;
import java.util.function.Supplier;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The user pool's side of an account. The pool's username is the user's {@code sub} (the pool signs
 * in by e-mail alias), so the portal's user id addresses the Cognito user directly.
 */
public final class CognitoUserDirectory implements UserDirectory {
  private static final Set<String> ROLE_GROUPS = Set.of(
      Role.CUSTOMER_USER.wireName(), Role.CUSTOMER_ADMIN.wireName(),
      Role.PROVIDER_AGENT.wireName(), Role.PROVIDER_ADMIN.wireName());

  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;

  public CognitoUserDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
    this.cognito = cognito;
    this.userPoolId = userPoolId;
  }

  @Override
  public void mirrorRole(UserId user, Role role) {
    known(user, () -> {
      mirror(user, role);
      return user;
    });
  }

  private void mirror(UserId user, Role role) {
    var current = cognito.adminListGroupsForUser(r -> r.userPoolId(userPoolId).username(user.value())).groups();
    for (GroupType group : current) {
      if (ROLE_GROUPS.contains(group.groupName()) && !group.groupName().equals(role.wireName())) {
        cognito.adminRemoveUserFromGroup(r -> r.userPoolId(userPoolId).username(user.value()).groupName(group.groupName()));
      }
    }
    boolean member = current.stream().anyMatch(g -> g.groupName().equals(role.wireName()));
    if (role != Role.NONE && !member) {
      cognito.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(user.value()).groupName(role.wireName()));
    }
  }

  @Override
  public void updateNameAndLanguage(UserId user, UserProfile.PersonName name, Language language) {
    known(user, () -> cognito.adminUpdateUserAttributes(r -> r.userPoolId(userPoolId).username(user.value()).userAttributes(
        AttributeType.builder().name("given_name").value(name.first()).build(),
        AttributeType.builder().name("family_name").value(name.last()).build(),
        AttributeType.builder().name("name").value(name.display()).build(),
        AttributeType.builder().name("locale").value(language.tag()).build())));
  }

  @Override
  public void resetMfa(UserId user) {
    known(user, () -> cognito.adminSetUserMFAPreference(r -> r.userPoolId(userPoolId).username(user.value())
        .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false))));
  }

  @Override
  public UserId createStaffAccount(String email, UserProfile.PersonName name, Language language) {
    try {
      var created = cognito.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
          .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
          .userAttributes(attributes(email, name, language)));
      return idOf(created.user());
    } catch (UsernameExistsException e) {
      throw new AccountExists(email);
    }
  }

  @Override
  public UserId provideAccountWithTemporaryPassword(String email, UserProfile.PersonName name, Language language,
      String temporaryPassword) {
    try {
      var created = cognito.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
          .messageAction(MessageActionType.SUPPRESS).temporaryPassword(temporaryPassword)
          .userAttributes(attributes(email, name, language)));
      return idOf(created.user());
    } catch (UsernameExistsException e) {
      var existing = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(email));
      cognito.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(email).password(temporaryPassword).permanent(false));
      return new UserId(existing.userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst()
          .map(AttributeType::value).orElse(existing.username()));
    }
  }

  private static AttributeType[] attributes(String email, UserProfile.PersonName name, Language language) {
    return new AttributeType[] {
        AttributeType.builder().name("email").value(email).build(),
        AttributeType.builder().name("email_verified").value("true").build(),
        AttributeType.builder().name("given_name").value(name.first()).build(),
        AttributeType.builder().name("family_name").value(name.last()).build(),
        AttributeType.builder().name("name").value(name.display()).build(),
        AttributeType.builder().name("locale").value(language.tag()).build()};
  }

  private static UserId idOf(UserType user) {
    return new UserId(user.attributes().stream().filter(a -> a.name().equals("sub")).findFirst()
        .map(AttributeType::value).orElse(user.username()));
  }

  @Override
  public void signOutEverywhere(UserId user) {
    known(user, () -> cognito.adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(user.value())));
  }

  @Override
  public void deleteAccount(UserId user) {
    known(user, () -> cognito.adminDeleteUser(r -> r.userPoolId(userPoolId).username(user.value())));
  }

  /** Runs a call about an existing user; Cognito's UserNotFoundException becomes the port's NoSuchAccount. */
  private <T> T known(UserId user, Supplier<T> call) {
    try {
      return call.get();
    } catch (UserNotFoundException e) {
      throw new NoSuchAccount(user);
    }
  }
}
