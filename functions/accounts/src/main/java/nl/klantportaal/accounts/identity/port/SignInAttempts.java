package nl.klantportaal.accounts.identity.port;

import java.time.Instant;
import java.util.List;

/** Failed sign-in attempts, counted per account and address and per address, forgotten after an hour. */
public interface SignInAttempts {

  List<Instant> failuresSince(Scope scope, String key, Instant since);

  void recordFailure(Scope scope, String key, Instant at);

  enum Scope { ACCOUNT_AND_ADDRESS, ADDRESS }
}
