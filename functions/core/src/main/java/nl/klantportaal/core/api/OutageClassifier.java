package nl.klantportaal.core.api;

import java.util.Optional;

/**
 * Tells an outage of a service the portal depends on (throttled, answering 5xx, unreachable) from a
 * fault of ours, so the answer to such a failure is 503 with {@code Retry-After}, which the portal
 * can retry, instead of 500. Core knows no AWS types: the module that builds the SDK clients provides
 * one through {@link java.util.ServiceLoader} (core-aws, {@code SdkOutages}); a function without it
 * answers every unexpected failure 500, as before. Asked only on the failure path, never at start.
 */
public interface OutageClassifier {
  /** The unavailable service's name when {@code failure} itself (not its causes) is an outage. */
  Optional<String> outageOf(Throwable failure);
}
