package nl.klantportaal.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * The template's {@code Schedule} (EventBridge rule, UTC) and {@code ScheduleV2} (EventBridge Scheduler
 * with ScheduleExpressionTimezone) events: each fires its function with a scheduled event at the
 * times its expression names, on the local cloud's clock.
 */
public final class Scheduler implements AutoCloseable {

  /** One schedule of the template. */
  public record Schedule(String name, String function, ScheduleExpression expression, String source, String resource,
      Optional<String> input) {}

  private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "scheduler");
    thread.setDaemon(true);
    return thread;
  });
  private final Clock clock;
  private final FunctionCatalog functions;
  private final List<Schedule> schedules;

  public Scheduler(SamTemplate template, FunctionCatalog functions, Clock clock) {
    this.clock = clock;
    this.functions = functions;
    this.schedules = schedules(template, clock.instant());
  }

  static List<Schedule> schedules(SamTemplate template, Instant origin) {
    List<Schedule> found = new ArrayList<>();
    String prefix = ":" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":";
    for (SamTemplate.FunctionEvent event : template.eventsOfType("Schedule")) {
      Map<String, Object> p = event.properties();
      if (enabled(p)) {
        found.add(new Schedule(event.name(), event.functionId(),
            ScheduleExpression.parse(Yamls.string(p.get("Schedule")), ZoneOffset.UTC, origin), "aws.events",
            "arn:aws:events" + prefix + "rule/" + event.functionId() + event.name(), input(p)));
      }
    }
    for (SamTemplate.FunctionEvent event : template.eventsOfType("ScheduleV2")) {
      Map<String, Object> p = event.properties();
      if (enabled(p)) {
        ZoneId zone = ZoneId.of(Yamls.string(p.getOrDefault("ScheduleExpressionTimezone", "UTC")));
        found.add(new Schedule(event.name(), event.functionId(),
            ScheduleExpression.parse(Yamls.string(p.get("ScheduleExpression")), zone, origin), "aws.scheduler",
            "arn:aws:scheduler" + prefix + "schedule/default/" + event.functionId() + event.name(), input(p)));
      }
    }
    return found;
  }

  private static boolean enabled(Map<String, Object> p) {
    return !Yamls.string(p.get("Enabled")).equals("false") && !Yamls.string(p.get("State")).equals("DISABLED");
  }

  private static Optional<String> input(Map<String, Object> p) {
    return Optional.of(Yamls.string(p.get("Input"))).filter(s -> !s.isBlank());
  }

  public List<Schedule> schedules() {
    return schedules;
  }

  public Optional<Instant> next(Schedule schedule) {
    return schedule.expression().next(clock.instant());
  }

  /** Plans each schedule's first fire after {@code from}; one already due fires at once. */
  public void start(Instant from) {
    schedules.forEach(schedule -> plan(schedule, from));
  }

  private void plan(Schedule schedule, Instant after) {
    schedule.expression().next(after).ifPresent(at -> executor.schedule(() -> fire(schedule, at),
        Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS));
  }

  private void fire(Schedule schedule, Instant at) {
    Instant started = Instant.now();
    String event = schedule.input().orElseGet(() -> scheduledEvent(schedule, at));
    InvocationResult result = functions.require(schedule.function()).invoke(event);
    System.out.printf("SCHEDULE %s %s %s %d ms %s%n", schedule.name(), at,
        result instanceof InvocationResult.Success ? "ok" : "failed", Duration.between(started, Instant.now()).toMillis(),
        schedule.function());
    plan(schedule, at);
  }

  static String scheduledEvent(Schedule schedule, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", schedule.source());
    event.put("account", AwsClients.ACCOUNT);
    event.put("time", at.toString());
    event.put("region", AwsClients.REGION);
    event.put("resources", List.of(schedule.resource()));
    event.put("detail", Map.of());
    try {
      return AwsJsonApi.JSON.writeValueAsString(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
