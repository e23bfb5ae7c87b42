package nl.klantportaal.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klantportaal.core.claims.UserId;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/** The user pool of a local cloud of the real template in cognito-local, through an admin client this closes. */
record CognitoPool(CognitoIdentityProviderClient cognito, String id) implements AutoCloseable {

  /** The pool the portal's functions use (USER_POOL_ID of UsersFunction). */
  static CognitoPool open(LocalCloud cloud) {
    return new CognitoPool(AwsClients.cognito(cloud.endpoints().cognito()),
        cloud.functions().require("UsersFunction").function().environment().get("USER_POOL_ID"));
  }

  /**
   * An account as an admin makes it: no invitation mail, e-mail verified, {@code password} permanent
   * (so confirmed, as after sign-up). Answers its {@code sub}. A profile is up to the caller: the
   * token trigger issues tokens only to accounts with one.
   */
  UserId createAccount(String email, String password) {
    var created = cognito.adminCreateUser(r -> r.userPoolId(id).username(email).messageAction(MessageActionType.SUPPRESS)
        .temporaryPassword(password).userAttributes(AttributeType.builder().name("email").value(email).build(),
            AttributeType.builder().name("email_verified").value("true").build()));
    cognito.adminSetUserPassword(r -> r.userPoolId(id).username(email).password(password).permanent(true));
    return new UserId(created.user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst()
        .map(AttributeType::value).orElseThrow());
  }

  Set<String> groups(UserId user) {
    return cognito.adminListGroupsForUser(r -> r.userPoolId(id).username(user.value())).groups().stream()
        .map(GroupType::groupName).collect(Collectors.toSet());
  }

  boolean totpEnabled(UserId user) {
    return cognito.adminGetUser(r -> r.userPoolId(id).username(user.value())).userMFASettingList()
        .contains("SOFTWARE_TOKEN_MFA");
  }

  /** The SECRET_HASH a client with a secret sends along: Base64 of HMAC-SHA256 over username + client id. */
  static String secretHash(String clientSecret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    cognito.close();
  }
}
