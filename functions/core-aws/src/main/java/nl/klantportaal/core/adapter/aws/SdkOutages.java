package nl.klantportaal.core.adapter.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import nl.klantportaal.core.api.OutageClassifier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The AWS SDK's failures that are outages, not faults of ours (the SDK has already retried them):
 * a service that answered 5xx or throttled the call, and a call that never got an answer (the
 * connection failed or timed out). Everything else (a 4xx the code did not expect, a client-side
 * refusal such as a missing region) stays a 500. A transaction that other transactions on the same items
 * kept cancelling (TransactionConflict, after the retries of {@link AwsClients#dynamoDb()}) is one too: it
 * wrote nothing and will go through in a moment. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services}); see {@link OutageClassifier}.
 */
public final class SdkOutages implements OutageClassifier {
  @Override
  public Optional<String> outageOf(Throwable failure) {
    if (TransactionConflicts.onlyConflicts(failure)) {
      return Optional.of("DynamoDB (a transaction kept conflicting with others on the same items)");
    }
    if (failure instanceof SdkServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException()
          ? Optional.of(serviceName(service)) : Optional.empty();
    }
    if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
      return Optional.of("an AWS service (timed out)");
    }
    if (failure instanceof SdkClientException && unreachable(failure.getCause())) {
      return Optional.of("an AWS service (unreachable)");
    }
    return Optional.empty();
  }

  private static String serviceName(SdkServiceException failure) {
    if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().serviceName() != null) {
      return aws.awsErrorDetails().serviceName() + " (" + failure.statusCode() + ")";
    }
    return "an AWS service (" + failure.statusCode() + ")";
  }

  /** An I/O failure among the causes: the SDK could not reach the service, as its own retry condition counts it. */
  private static boolean unreachable(Throwable cause) {
    for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }
}
