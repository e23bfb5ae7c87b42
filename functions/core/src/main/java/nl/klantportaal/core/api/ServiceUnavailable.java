package nl.klantportaal.core.api;

/**
 * An outage of a service that an adapter calls without the AWS SDK (a plain HTTP endpoint such as Cognito's
 * token endpoint): it did not answer, or answered 5xx. The dispatcher answers it 503 with {@code Retry-After},
 * as it answers the SDK's outages that an {@link OutageClassifier} recognises.
 */
public final class ServiceUnavailable extends RuntimeException {
  private final String service;

  public ServiceUnavailable(String service, String message, Throwable cause) {
    super(message, cause);
    this.service = service;
  }

  public ServiceUnavailable(String service, String message) {
    super(message);
    this.service = service;
  }

  /** The unavailable service, for the log. */
  public String service() {
    return service;
  }
}
