package nl.klantportaal.identity.handler;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.port.UserDirectory;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;
import nl.klantportaal.identity.testing.UserDirectoryContract;

/** The handler tests' fake held to the contract; the same suite runs on the local cloud's Cognito (CognitoUserDirectoryContractIT). */
class InMemoryUserDirectoryContractTest extends UserDirectoryContract {
  private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

  @Override
  protected UserDirectory directory() {
    return directory;
  }

  @Override
  protected Pool pool() {
    return new Pool() {
      @Override
      public Account enrolledAccount(String email) {
        UserId id = new UserId(UUID.randomUUID().toString());
        directory.add(id, email).enrolTotp(id);
        return new Account(id, email, "Contract-Passw0rd!", directory.signIn(id));
      }

      @Override
      public Account newSession(Account account) {
        return new Account(account.id(), account.email(), account.password(), directory.signIn(account.id()));
      }

      @Override
      public Set<String> groups(UserId user) {
        return directory.groups(user);
      }

      @Override
      public Map<String, String> attributes(UserId user) {
        return directory.attributes(user);
      }

      @Override
      public boolean totpEnabled(UserId user) {
        return directory.totpEnabled(user);
      }

      @Override
      public boolean signInAsksForTotp(Account account) {
        return directory.totpEnabled(account.id());
      }

      @Override
      public boolean refreshes(Account account) {
        return directory.refreshes(account.refreshToken());
      }

      @Override
      public boolean asksForNewPassword(String email, String password) {
        return directory.asksForNewPassword(email, password);
      }
    };
  }
}
