package nl.klantportaal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local cloud's fault injection switch: makes the S3 stand-in (s3proxy, through {@link LocalS3})
 * and the SES endpoint ({@link SesFront}) answer a server error for a named operation, for the next
 * N calls or until cleared. Only the local cloud has it: the functions make their real AWS calls and
 * meet the error as they would meet it in AWS (the SDK's own retries included).
 *
 * <p>Operations are the AWS API names: for SES the v2 {@code SendEmail} ({@code POST
 * /v2/email/outbound-emails}; other requests are {@code "<METHOD> <path>"}); for S3 {@code PutObject},
 * {@code GetObject}, {@code HeadObject}, {@code CopyObject} and {@code DeleteObject}. {@code "*"}
 * matches every operation of the service. The switch counts every call it saw and every error it
 * injected, per service and operation, so a fault test can print its figures.
 */
public final class Faults {

  /** The stand-ins the switch reaches. */
  public enum Service { S3, SES }

  /** One armed fault: {@code remaining} calls still to fail, or empty for every call until cleared. */
  public record Rule(Service service, String operation, int status, Optional<Integer> remaining) {
    public Rule {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("A fault answers a server error (5xx), not " + status);
      }
      remaining.ifPresent(n -> {
        if (n < 1) {
          throw new IllegalArgumentException("A fault for the next N calls needs N >= 1, not " + n);
        }
      });
    }

    boolean matches(Service s, String op) {
      return service == s && (operation.equals("*") || operation.equals(op));
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, Integer> calls = new TreeMap<>();
  private final Map<String, Integer> injected = new TreeMap<>();

  /** The next {@code times} calls of {@code operation} answer {@code status}; then it works again. */
  public synchronized void failNext(Service service, String operation, int times, int status) {
    rules.add(new Rule(service, operation, status, Optional.of(times)));
  }

  /** Every call of {@code operation} answers {@code status} until {@link #clear}. */
  public synchronized void failAlways(Service service, String operation, int status) {
    rules.add(new Rule(service, operation, status, Optional.empty()));
  }

  /** Disarms every fault (the counts stay). */
  public synchronized void clear() {
    rules.clear();
  }

  /** The faults still armed. */
  public synchronized List<Rule> armed() {
    return List.copyOf(rules);
  }

  /**
   * Called by a stand-in for each call: counts it and answers the status to fail it with, if a fault
   * is armed for it (a rule for the next N calls is used up by it).
   */
  synchronized Optional<Integer> strike(Service service, String operation) {
    String key = key(service, operation);
    calls.merge(key, 1, Integer::sum);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.matches(service, operation)) {
        if (rule.remaining().isPresent()) {
          int left = rule.remaining().get() - 1;
          if (left == 0) {
            rules.remove(i);
          } else {
            rules.set(i, new Rule(rule.service(), rule.operation(), rule.status(), Optional.of(left)));
          }
        }
        injected.merge(key, 1, Integer::sum);
        System.out.printf("FAULT %s %s -> %d%n", service, operation, rule.status());
        return Optional.of(rule.status());
      }
    }
    return Optional.empty();
  }

  /** Calls seen for {@code operation} of {@code service} ("*": all of the service). */
  public synchronized int calls(Service service, String operation) {
    return count(calls, service, operation);
  }

  /** Errors injected for {@code operation} of {@code service} ("*": all of the service). */
  public synchronized int injected(Service service, String operation) {
    return count(injected, service, operation);
  }

  private static int count(Map<String, Integer> counts, Service service, String operation) {
    String prefix = service.name() + " ";
    return counts.entrySet().stream()
        .filter(e -> operation.equals("*") ? e.getKey().startsWith(prefix) : e.getKey().equals(key(service, operation)))
        .mapToInt(Map.Entry::getValue).sum();
  }

  private static String key(Service service, String operation) {
    return service.name() + " " + operation;
  }

  /** The S3 operation a call of s3proxy's blob store belongs to, or empty for calls the switch leaves alone. */
  static Optional<String> s3Operation(String blobStoreMethod) {
    return Optional.ofNullable(switch (blobStoreMethod) {
      case "putBlob" -> "PutObject";
      case "getBlob" -> "GetObject";
      case "blobMetadata", "blobMetadataIfPresent" -> "HeadObject";
      case "copyBlob" -> "CopyObject";
      case "removeBlob" -> "DeleteObject";
      default -> null;
    });
  }

  /** The SES operation of a request to the SES endpoint. */
  static String sesOperation(String method, String path) {
    if (method.equals("POST") && path.equals(SesFront.SEND_EMAIL_PATH)) {
      return "SendEmail";
    }
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
