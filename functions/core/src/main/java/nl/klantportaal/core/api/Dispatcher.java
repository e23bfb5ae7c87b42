package nl.klantportaal.core.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;
import nl.klantportaal.core.paging.InvalidCursorException;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path after the event has been read: find the route, check MFA and permission, run
 * the use case, and turn every refusal into problem+json. Unexpected failures are logged once with
 * their stack and answered 500 with only the request id; an outage of a service we depend on (an
 * {@link OutageClassifier} recognises it: throttled, 5xx, unreachable, after the SDK's own retries)
 * is answered 503 with {@code Retry-After}, so the caller knows that trying again is the remedy.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  /** What a 503 asks the caller to wait before trying again. */
  static final long OUTAGE_RETRY_AFTER_SECONDS = 5;

  private final Routes routes;

  public Dispatcher(Routes routes) {
    this.routes = routes;
  }

  public Routes routes() {
    return routes;
  }

  public ApiResponse dispatch(ApiRequest request) {
    try {
      Route route = routes.find(request.routeKey())
          .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No route " + request.routeKey()));
      authorize(route, request);
      return route.handler().handle(request);
    } catch (RuntimeException failure) {
      return answer(request, failure);
    }
  }

  /**
   * The answer to a failure on the request path: a refusal as problem+json, an outage of a service we
   * depend on 503 with {@code Retry-After}, anything else unexpected logged once and answered 500.
   * Public for a route that adds to a refusal (a cookie to clear).
   */
  public static ApiResponse answer(ApiRequest request, RuntimeException failure) {
    try {
      throw failure;
    } catch (ApiProblem problem) {
      return problem(request, problem.type(), problem.getMessage(), problem.errors(), problem.retryAfter().map(d -> d.toSeconds()));
    } catch (InvalidCursorException e) {
      return problem(request, ProblemType.INVALID_CURSOR, "The cursor is not valid for this list: " + e.getMessage(),
          List.of(), java.util.Optional.empty());
    } catch (IdempotentExecution.IdempotencyConflict e) {
      return switch (e.kind()) {
        case KEY_REUSED -> problem(request, ProblemType.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used with a different request body", List.of(), java.util.Optional.empty());
        case IN_PROGRESS -> problem(request, ProblemType.IDEMPOTENCY_IN_PROGRESS,
            "The first request with this Idempotency-Key is still running", List.of(), java.util.Optional.of(1L));
      };
    } catch (DomainException.Refused e) {
      ProblemType type = switch (e.reason()) {
        case INVALID_CREDENTIALS -> ProblemType.INVALID_CREDENTIALS;
        case INVALID_CODE -> ProblemType.INVALID_CODE;
        case EXPIRED_CODE -> ProblemType.EXPIRED_CODE;
        case INVALID_PASSWORD, REJECTED_INPUT -> ProblemType.VALIDATION_FAILED;
        case LIMIT_EXCEEDED -> ProblemType.TOO_MANY_REQUESTS;
      };
      return problem(request, type, type.title(Language.EN), List.of(),
          type == ProblemType.TOO_MANY_REQUESTS ? java.util.Optional.of(60L) : java.util.Optional.empty());
    } catch (DomainException.NotFound e) {
      return problem(request, ProblemType.NOT_FOUND, e.getMessage(), List.of(), java.util.Optional.empty());
    } catch (DomainException.Forbidden e) {
      return problem(request, ProblemType.FORBIDDEN, e.getMessage(), List.of(), java.util.Optional.empty());
    } catch (DomainException.Conflict e) {
      ProblemType type = switch (e.kind()) {
        case VERSION -> ProblemType.VERSION_CONFLICT;
        case ALREADY_EXISTS -> ProblemType.ALREADY_EXISTS;
        case ILLEGAL_STATE -> ProblemType.ILLEGAL_STATE;
        case RATE_MISSING -> ProblemType.RATE_MISSING;
      };
      return problem(request, type, e.getMessage(), List.of(), java.util.Optional.empty());
    } catch (DomainException.TooManyAttempts e) {
      return problem(request, ProblemType.TOO_MANY_REQUESTS, e.getMessage(), List.of(),
          java.util.Optional.of(e.retryAfter().toSeconds()));
    } catch (DomainException.InvalidInput e) {
      return problem(request, ProblemType.VALIDATION_FAILED, "The request has invalid fields", e.errors(), java.util.Optional.empty());
    } catch (RuntimeException e) {
      java.util.Optional<String> outage = Outages.of(e);
      if (outage.isPresent()) {
        LOG.warn("Request answered 503: {} is unavailable", outage.get(), e);
        return problem(request, ProblemType.SERVICE_UNAVAILABLE, "Try again in a moment; quote request id "
            + request.requestId() + " if it keeps failing", List.of(), java.util.Optional.of(OUTAGE_RETRY_AFTER_SECONDS));
      }
      LOG.error("Request failed unexpectedly", e);
      return problem(request, ProblemType.INTERNAL, "Quote request id " + request.requestId() + " when you contact us",
          List.of(), java.util.Optional.empty());
    }
  }

  private static void authorize(Route route, ApiRequest request) {
    if (route.access() == Access.PUBLIC) {
      return;
    }
    Caller caller = request.requireCaller();
    if (!caller.mfaEnrolled() && !route.allowedBeforeMfa()) {
      throw new ApiProblem(ProblemType.MFA_REQUIRED, "Enrol an authenticator app before using the portal");
    }
    if (!route.access().permits(caller)) {
      throw new ApiProblem(ProblemType.FORBIDDEN, "Your role may not use " + route.routeKey());
    }
  }

  static ApiResponse problem(ApiRequest request, ProblemType type, String detail, List<FieldError> errors,
      java.util.Optional<Long> retryAfterSeconds) {
    Language language = request.language();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title(language));
    body.put("status", type.status());
    body.put("detail", detail);
    body.put("instance", "urn:klantportaal:request:" + request.requestId());
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    ApiResponse response = new ApiResponse(type.status(),
        Map.of("content-type", "application/problem+json", "content-language", language.tag()), Json.write(body));
    return retryAfterSeconds.map(s -> response.withHeader("retry-after", Long.toString(Math.max(1, s)))).orElse(response);
  }
}
