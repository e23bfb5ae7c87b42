package nl.klantportaal.core.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.shared.domain.FieldError;

/** A refusal raised on the request path itself (parsing, auth, cursors); answered as problem+json. */
public final class ApiProblem extends RuntimeException {
  private final ProblemType type;
  private final List<FieldError> errors;
  private final Optional<Duration> retryAfter;

  public ApiProblem(ProblemType type, String detail) {
    this(type, detail, List.of(), Optional.empty());
  }

  public ApiProblem(ProblemType type, String detail, List<FieldError> errors, Optional<Duration> retryAfter) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
