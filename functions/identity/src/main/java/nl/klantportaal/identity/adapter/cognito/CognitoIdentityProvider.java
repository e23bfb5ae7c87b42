package nl.klantportaal.identity.adapter.cognito;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The app client's calls to Cognito, each with SECRET_HASH. Cognito's ways of saying "no such
 * user", "wrong password" or "exists already" (which differ between AWS and the local stand-in)
 * are folded into {@link DomainException.Refused} reasons that do not tell accounts apart.
 */
public final class CognitoIdentityProvider implements IdentityProvider {
  private final CognitoIdentityProviderClient cognito;
  private final String clientId;
  private final String clientSecret;

  public CognitoIdentityProvider(CognitoIdentityProviderClient cognito, String clientId, String clientSecret) {
    this.cognito = cognito;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public void signUp(String email, String password, UserProfile.PersonName name, Language language) {
    try {
      cognito.signUp(r -> r.clientId(clientId).secretHash(secretHash(email)).username(email).password(password)
          .userAttributes(attribute("email", email), attribute("given_name", name.first()),
              attribute("family_name", name.last()), attribute("name", name.display()), attribute("locale", language.tag())));
    } catch (UsernameExistsException e) {
      // Answered like a new address: whether an account exists is nobody's business.
    } catch (InvalidPasswordException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_PASSWORD);
    }
  }

  @Override
  public void confirmSignUp(String email, String code) {
    call(() -> cognito.confirmSignUp(r -> r.clientId(clientId).secretHash(secretHash(email)).username(email)
        .confirmationCode(code)));
  }

  @Override
  public void resendSignUpCode(String email) {
    try {
      cognito.resendConfirmationCode(r -> r.clientId(clientId).secretHash(secretHash(email)).username(email));
    } catch (UserNotFoundException | NotAuthorizedException | InvalidPasswordException | InvalidParameterException e) {
      // Same answer for unknown and already confirmed ("User is already confirmed.") addresses.
    } catch (LimitExceededException | TooManyRequestsException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.LIMIT_EXCEEDED);
    }
  }

  @Override
  public SignInStep signIn(String email, String password) {
    var response = tokenCall(() -> cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", email, "PASSWORD", password, "SECRET_HASH", secretHash(email)))));
    return step(response.challengeName(), response.session(), response.authenticationResult());
  }

  @Override
  public SignInStep answerTotp(String email, String session, String code) {
    var response = tokenCall(() -> cognito.respondToAuthChallenge(r -> r.clientId(clientId)
        .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(session)
        .challengeResponses(Map.of("USERNAME", email, "SOFTWARE_TOKEN_MFA_CODE", code, "SECRET_HASH", secretHash(email)))));
    return step(response.challengeName(), response.session(), response.authenticationResult());
  }

  @Override
  public SignInStep answerNewPassword(String email, String session, String newPassword) {
    var response = tokenCall(() -> cognito.respondToAuthChallenge(r -> r.clientId(clientId)
        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(session)
        .challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", newPassword, "SECRET_HASH", secretHash(email)))));
    return step(response.challengeName(), response.session(), response.authenticationResult());
  }

  @Override
  public Tokens refresh(UserId user, String refreshToken) {
    var response = tokenCall(() -> cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
        .authParameters(Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", secretHash(user.value())))));
    return tokens(response.authenticationResult());
  }

  @Override
  public void signOut(String refreshToken) {
    call(() -> cognito.revokeToken(r -> r.clientId(clientId).clientSecret(clientSecret).token(refreshToken)));
  }

  @Override
  public void forgotPassword(String email) {
    try {
      cognito.forgotPassword(r -> r.clientId(clientId).secretHash(secretHash(email)).username(email));
    } catch (UserNotFoundException | NotAuthorizedException | InvalidPasswordException e) {
      // Unknown addresses get the same answer as known ones.
    } catch (LimitExceededException | TooManyRequestsException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.LIMIT_EXCEEDED);
    }
  }

  @Override
  public void confirmForgotPassword(String email, String code, String newPassword) {
    call(() -> cognito.confirmForgotPassword(r -> r.clientId(clientId).secretHash(secretHash(email)).username(email)
        .confirmationCode(code).password(newPassword)));
  }

  @Override
  public void changePassword(String accessToken, String currentPassword, String newPassword) {
    call(() -> cognito.changePassword(r -> r.accessToken(accessToken).previousPassword(currentPassword)
        .proposedPassword(newPassword)));
  }

  @Override
  public UserId userOf(String accessToken) {
    var user = call(() -> cognito.getUser(r -> r.accessToken(accessToken)));
    return new UserId(user.userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst()
        .map(AttributeType::value).orElse(user.username()));
  }

  @Override
  public void requestEmailChange(String accessToken, String newEmail) {
    call(() -> cognito.updateUserAttributes(r -> r.accessToken(accessToken).userAttributes(attribute("email", newEmail))));
  }

  @Override
  public String verifyEmailChange(String accessToken, String code) {
    call(() -> cognito.verifyUserAttribute(r -> r.accessToken(accessToken).attributeName("email").code(code)));
    return call(() -> cognito.getUser(r -> r.accessToken(accessToken))).userAttributes().stream()
        .filter(a -> a.name().equals("email")).findFirst().map(AttributeType::value)
        .orElseThrow(() -> new IllegalStateException("Cognito user without e-mail"));
  }

  @Override
  public Optional<String> verifiedEmail(String accessToken) {
    List<AttributeType> attributes = call(() -> cognito.getUser(r -> r.accessToken(accessToken))).userAttributes();
    boolean verified = attributes.stream().anyMatch(a -> a.name().equals("email_verified") && "true".equals(a.value()));
    return verified ? attributes.stream().filter(a -> a.name().equals("email")).map(AttributeType::value).findFirst()
        : Optional.empty();
  }

  @Override
  public String startTotpEnrolment(String accessToken) {
    return call(() -> cognito.associateSoftwareToken(r -> r.accessToken(accessToken))).secretCode();
  }

  @Override
  public void completeTotpEnrolment(String accessToken, String code) {
    var verified = call(() -> cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(code)
        .friendlyDeviceName("Klantportaal")));
    if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CODE);
    }
    call(() -> cognito.setUserMFAPreference(r -> r.accessToken(accessToken)
        .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true))));
  }

  private static SignInStep step(ChallengeNameType challenge, String session, AuthenticationResultType result) {
    if (challenge == ChallengeNameType.SOFTWARE_TOKEN_MFA) {
      return new SignInStep.TotpRequired(session);
    }
    if (challenge == ChallengeNameType.NEW_PASSWORD_REQUIRED) {
      return new SignInStep.NewPasswordRequired(session);
    }
    if (result == null) {
      throw new IllegalStateException("Cognito answered challenge " + challenge + ", which the portal does not offer");
    }
    return new SignInStep.SignedIn(tokens(result));
  }

  private static Tokens tokens(AuthenticationResultType result) {
    return new Tokens(result.idToken(), result.accessToken(), Optional.ofNullable(result.refreshToken()),
        result.expiresIn() == null ? 900 : result.expiresIn());
  }

  /**
   * A call that issues tokens: the PreTokenGeneration trigger refuses a deactivated or unknown portal
   * account (UserLambdaValidationException), answered outward like wrong credentials.
   */
  private static <T> T tokenCall(Supplier<T> request) {
    try {
      return call(request);
    } catch (UserLambdaValidationException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CREDENTIALS);
    }
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (NotAuthorizedException | UserNotFoundException | UserNotConfirmedException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CREDENTIALS);
    } catch (InvalidPasswordException e) {
      // Cognito uses this both for a weak new password and (locally) for a wrong password at sign-in;
      // the portal checks the policy before calling, so what remains is treated as bad credentials.
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CREDENTIALS);
    } catch (PasswordResetRequiredException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CREDENTIALS);
    } catch (CodeMismatchException | EnableSoftwareTokenMfaException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.INVALID_CODE);
    } catch (ExpiredCodeException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.EXPIRED_CODE);
    } catch (LimitExceededException | TooManyRequestsException | TooManyFailedAttemptsException e) {
      throw new DomainException.Refused(DomainException.Refused.Reason.LIMIT_EXCEEDED);
    } catch (InvalidParameterException | SoftwareTokenMfaNotFoundException | AliasExistsException e) {
      // A malformed token or value Cognito will not take, an enrolment never started, an address in use.
      throw new DomainException.Refused(DomainException.Refused.Reason.REJECTED_INPUT);
    } catch (CognitoIdentityProviderException e) {
      if (e instanceof UserLambdaValidationException) {
        throw e; // a trigger's refusal: tokenCall answers it like wrong credentials
      }
      if (e.statusCode() == 400 || e.statusCode() == 413) {
        throw new DomainException.Refused(DomainException.Refused.Reason.REJECTED_INPUT); // any other refusal of what the caller sent
      }
      throw e; // the pool's set-up (500, a fault of ours) or Cognito itself failing or throttling (503, SdkOutages)
    }
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  /** Base64(HMAC-SHA256(client secret, username + client id)), as every call of a client with a secret needs. */
  String secretHash(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

}
