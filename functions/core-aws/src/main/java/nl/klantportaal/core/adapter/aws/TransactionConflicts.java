package nl.klantportaal.core.adapter.aws;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A DynamoDB transaction cancelled only because another transaction was writing one of its items at the
 * same moment ({@code TransactionConflict}), or a single-item write refused because a transaction held its
 * item ({@code TransactionConflictException}): nothing was written, and the same request can simply be sent
 * again (DynamoDB developer guide, "Transaction conflict handling"). The SDK does not retry either by itself
 * (they are 400s). Every
 * DynamoDB client built by {@link AwsClients} retries these with its usual back-off, so two people saving
 * the same ticket at once get a version conflict or a success, not a 500. A cancellation with any other
 * reason (a condition that failed, a validation error) is the caller's to handle and is not retried; one
 * whose retries ran out is an outage to {@link SdkOutages} (503 with Retry-After).
 */
public final class TransactionConflicts {
  private static final String CONFLICT = "TransactionConflict";
  private static final String NONE = "None";

  /** DynamoDB's own retry budget in the SDK ({@code DynamoDbRetryPolicy}): the first attempt and 8 retries. */
  static final int ATTEMPTS = 9;

  private TransactionConflicts() {}

  /**
   * The retry strategy of every DynamoDB client: the SDK's default for DynamoDB, built as its {@code DynamoDbRetryPolicy}
   * builds it for the default (legacy) retry mode — {@value #ATTEMPTS} attempts, a full-jitter back-off from 25 ms up to
   * 20 s, the AWS conditions (throttling, 5xx, I/O) — and a conflict ({@link #onlyConflicts}) retried too. Set whole,
   * not through the client builder's strategy configurator: that one starts from the SDK's generic default (4 attempts,
   * a 100 ms base), which would cut DynamoDB's throttling retries.
   */
  public static RetryStrategy dynamoDbRetries() {
    return AwsRetryStrategy.forRetryMode(RetryMode.LEGACY).toBuilder()
        .maxAttempts(ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(20)))
        .retryOnException(TransactionConflicts::onlyConflicts)
        .build();
  }

  /**
   * True when {@code failure} is a cancelled transaction whose only reason is a conflicting transaction, or a
   * single-item write that a transaction on its item refused.
   */
  public static boolean onlyConflicts(Throwable failure) {
    if (failure instanceof TransactionConflictException) {
      return true;
    }
    if (!(failure instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
      return false;
    }
    List<CancellationReason> reasons = cancelled.cancellationReasons();
    return reasons.stream().anyMatch(reason -> CONFLICT.equals(reason.code()))
        && reasons.stream().allMatch(reason -> reason.code() == null || NONE.equals(reason.code())
            || CONFLICT.equals(reason.code()));
  }
}
