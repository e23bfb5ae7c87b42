package nl.klantportaal.sla.usecase;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.TextInput;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.sla.domain.BusinessCalendar;
import nl.klantportaal.sla.domain.CalendarKind;
import nl.klantportaal.sla.domain.Closure;
import nl.klantportaal.sla.domain.DutchHolidays;
import nl.klantportaal.sla.domain.OpeningWindow;
import nl.klantportaal.sla.domain.ProviderCalendar;
import nl.klantportaal.sla.domain.SlaSettings;
import nl.klantportaal.sla.domain.SlaTable;
import nl.klantportaal.sla.domain.SlaTarget;
import nl.klantportaal.sla.domain.SlaTerms;
import nl.klantportaal.sla.domain.WaitingPolicy;
import nl.klantportaal.sla.port.SlaSettingsRepository;
import nl.klantportaal.ticketing.domain.Priority;

/**
 * The provider admin's SLA settings (docs/sla.md "Settings"): one tier's row of the table
 * ({@code PUT /sla/tiers/{tier}}) and the business calendar ({@code GET/PUT /sla/calendar}). Each
 * edit names the version it was made on; a stale one is 409. An edited tier row applies to tickets
 * raised afterwards; an edited calendar to every open ticket from its next evaluation on.
 */
public final class SlaSettingsAdmin {
  /** Longest target: a year of hours. */
  static final int MAX_HOURS = 8_760;
  static final int MAX_REMINDER_DAYS = 30;
  static final int MAX_REMINDERS = 10;

  private final SlaSettingsRepository settings;
  private final Clock clock;

  public SlaSettingsAdmin(SlaSettingsRepository settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public record TargetInput(String priority, Integer responseHours, Integer resolutionHours, String calendar) {}

  public record WaitingInput(Boolean enabled, Integer reminderAfterBusinessDays, Integer remindersBeforeDrop) {}

  public record TierInput(Long version, List<TargetInput> targets, WaitingInput waiting) {}

  public record DayInput(String day, String opens, String closes) {}

  public record HolidaysInput(Boolean goodFriday, String liberationDay) {}

  public record ClosureInput(String date, TextInput reason) {}

  public record CalendarInput(Long version, List<DayInput> hours, HolidaysInput holidays, List<ClosureInput> closures) {}

  public record DayView(String day, String opens, String closes) {}

  public record HolidaysView(boolean goodFriday, String liberationDay) {}

  public record ClosureView(String date, TextInput reason) {}

  /** The calendar with the holidays and closures of the coming twelve months, for the SLA page. */
  public record CalendarView(long version, String zone, List<DayView> hours, HolidaysView holidays,
      List<ClosureView> closures, List<String> upcomingHolidays) {}

  public ShowSlaTable.TierView saveTier(Caller caller, String tierName, TierInput input) {
    SlaTier tier = Arrays.stream(SlaTier.values()).filter(t -> t.wireName().equals(tierName)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("SLA tier " + tierName));
    Validation v = new Validation();
    long version = version(v, input.version());
    Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
    List<TargetInput> rows = input.targets() == null ? List.of() : input.targets();
    v.check(rows.size() == Priority.values().length, "targets", "size", "must hold one target per priority (4)");
    for (int i = 0; i < rows.size() && i < Priority.values().length; i++) {
      target(v, "targets[" + i + "]", rows.get(i)).ifPresent(t -> {
        v.check(!targets.containsKey(t.priority()), "targets", "duplicate", "names a priority twice");
        targets.put(t.priority(), t.target());
      });
    }
    Optional<WaitingPolicy> waiting = waiting(v, input.waiting());
    if (v.isValid()) {
      BusinessCalendar business = settings.load().calendar().business();
      for (int i = 0; i < rows.size(); i++) {
        SlaTarget target = targets.get(WireEnum.parse(Priority.class, rows.get(i).priority()));
        reachable(v, business, "targets[" + i + "].resolutionHours", target);
      }
    }
    v.throwIfInvalid();
    SlaTerms terms = new SlaTerms(tier, targets, waiting.orElseThrow());
    long saved = settings.saveTerms(terms, version, edit(caller));
    return ShowSlaTable.view(terms, saved);
  }

  public CalendarView calendar() {
    SlaSettings current = settings.load();
    return view(current.calendar(), current.calendarVersion());
  }

  public CalendarView saveCalendar(Caller caller, CalendarInput input) {
    Validation v = new Validation();
    long version = version(v, input.version());
    Map<DayOfWeek, OpeningWindow> hours = new EnumMap<>(DayOfWeek.class);
    List<DayInput> days = input.hours() == null ? List.of() : input.hours();
    v.check(!days.isEmpty() && days.size() <= 7, "hours", "size", "must hold 1 to 7 weekdays");
    for (int i = 0; i < days.size() && i < 7; i++) {
      String path = "hours[" + i + "]";
      day(v, path, days.get(i)).ifPresent(d -> {
        v.check(!hours.containsKey(d.day()), path + ".day", "duplicate", "names a weekday twice");
        hours.put(d.day(), d.window());
      });
    }
    DutchHolidays holidays = holidays(v, input.holidays());
    List<ClosureInput> closureInputs = input.closures() == null ? List.of() : input.closures();
    v.check(closureInputs.size() <= ProviderCalendar.MAX_CLOSURES, "closures", "size",
        "must hold at most " + ProviderCalendar.MAX_CLOSURES + " days");
    List<Closure> closures = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < closureInputs.size() && i < ProviderCalendar.MAX_CLOSURES; i++) {
      String path = "closures[" + i + "]";
      closure(v, path, closureInputs.get(i)).ifPresent(c -> {
        v.check(seen.add(c.date()), path + ".date", "duplicate", "is closed twice");
        closures.add(c);
      });
    }
    v.throwIfInvalid();
    ProviderCalendar calendar = new ProviderCalendar(hours, holidays, closures);
    SlaTable table = settings.load().table();
    Arrays.stream(SlaTier.values()).flatMap(tier -> Arrays.stream(Priority.values()).map(p -> table.target(tier, p)))
        .filter(t -> t.calendar() == CalendarKind.BUSINESS)
        .max(java.util.Comparator.comparingInt(SlaTarget::resolutionHours))
        .ifPresent(longest -> reachable(v, calendar.business(), "hours", longest));
    v.throwIfInvalid();
    return view(calendar, settings.saveCalendar(calendar, version, edit(caller)));
  }

  private CalendarView view(ProviderCalendar calendar, long version) {
    List<DayView> hours = calendar.hours().entrySet().stream().map(e -> new DayView(
        e.getKey().name().toLowerCase(Locale.ROOT), e.getValue().opens().toString(), e.getValue().closes().toString()))
        .toList();
    LocalDate today = LocalDate.now(clock.withZone(calendar.business().zone()));
    List<String> upcoming = Stream.of(today.getYear(), today.getYear() + 1)
        .flatMap(year -> calendar.holidays().forYear(year).stream())
        .filter(d -> !d.isBefore(today) && d.isBefore(today.plusYears(1))).sorted().map(LocalDate::toString).toList();
    return new CalendarView(version, calendar.business().zone().getId(), hours,
        new HolidaysView(calendar.holidays().goodFriday(), wire(calendar.holidays().liberationDay())),
        calendar.closures().stream().map(c -> new ClosureView(c.date().toString(), TextInput.of(c.reason()))).toList(),
        upcoming);
  }

  private SlaSettingsRepository.Edit edit(Caller caller) {
    return new SlaSettingsRepository.Edit(caller.userId(), clock.instant());
  }

  /**
   * A business-calendar target must be reachable: its hours must pass within ten years of opening
   * hours from now, or every deadline computation of such a ticket would fail.
   */
  private void reachable(Validation v, BusinessCalendar business, String field, SlaTarget target) {
    if (target.calendar() == CalendarKind.BUSINESS
        && business.reach(clock.instant(), target.resolution()).isEmpty()) {
      v.check(false, field, "unreachable", target.resolutionHours() + " business hours take more than ten years with"
          + " these opening hours");
    }
  }

  private static long version(Validation v, Long version) {
    v.check(version != null && version >= 0, "version", "required",
        "is required: the version you read (0 while the shipped default is in force)");
    return version == null ? 0 : version;
  }

  private record PriorityTarget(Priority priority, SlaTarget target) {}

  private static Optional<PriorityTarget> target(Validation v, String path, TargetInput input) {
    if (input == null) {
      v.check(false, path, "required", "is required");
      return Optional.empty();
    }
    var priority = v.requiredEnum(path + ".priority", input.priority(), Priority.values(), Priority::wireName);
    var calendar = v.requiredEnum(path + ".calendar", input.calendar(), CalendarKind.values(), CalendarKind::wireName);
    boolean response = hours(v, path + ".responseHours", input.responseHours());
    boolean resolution = hours(v, path + ".resolutionHours", input.resolutionHours());
    if (response && resolution) {
      v.check(input.responseHours() <= input.resolutionHours(), path + ".responseHours", "not-after-resolution",
          "must not exceed the resolution hours");
    }
    if (priority.isEmpty() || calendar.isEmpty() || !response || !resolution
        || input.responseHours() > input.resolutionHours()) {
      return Optional.empty();
    }
    return Optional.of(new PriorityTarget(priority.get(),
        new SlaTarget(input.responseHours(), input.resolutionHours(), calendar.get())));
  }

  private static boolean hours(Validation v, String path, Integer hours) {
    boolean ok = hours != null && hours >= 1 && hours <= MAX_HOURS;
    v.check(ok, path, "range", "must be 1.." + MAX_HOURS + " hours");
    return ok;
  }

  private static Optional<WaitingPolicy> waiting(Validation v, WaitingInput input) {
    if (input == null) {
      v.check(false, "waiting", "required", "is required");
      return Optional.empty();
    }
    v.check(input.enabled() != null, "waiting.enabled", "required", "is required");
    boolean days = input.reminderAfterBusinessDays() != null && input.reminderAfterBusinessDays() >= 1
        && input.reminderAfterBusinessDays() <= MAX_REMINDER_DAYS;
    v.check(days, "waiting.reminderAfterBusinessDays", "range", "must be 1.." + MAX_REMINDER_DAYS + " business days");
    boolean reminders = input.remindersBeforeDrop() != null && input.remindersBeforeDrop() >= 1
        && input.remindersBeforeDrop() <= MAX_REMINDERS;
    v.check(reminders, "waiting.remindersBeforeDrop", "range", "must be 1.." + MAX_REMINDERS);
    if (input.enabled() == null || !days || !reminders) {
      return Optional.empty();
    }
    return Optional.of(new WaitingPolicy(input.enabled(), input.reminderAfterBusinessDays(), input.remindersBeforeDrop()));
  }

  private record Day(DayOfWeek day, OpeningWindow window) {}

  private static Optional<Day> day(Validation v, String path, DayInput input) {
    if (input == null) {
      v.check(false, path, "required", "is required");
      return Optional.empty();
    }
    Optional<DayOfWeek> day = Arrays.stream(DayOfWeek.values())
        .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(input.day())).findFirst();
    v.check(day.isPresent(), path + ".day", "one-of", "must be one of monday..sunday");
    Optional<LocalTime> opens = time(v, path + ".opens", input.opens());
    Optional<LocalTime> closes = time(v, path + ".closes", input.closes());
    boolean ordered = opens.isPresent() && closes.isPresent() && closes.get().isAfter(opens.get());
    v.check(opens.isEmpty() || closes.isEmpty() || ordered, path + ".closes", "after-opens", "must be after opens");
    return day.isPresent() && ordered ? Optional.of(new Day(day.get(), new OpeningWindow(opens.get(), closes.get())))
        : Optional.empty();
  }

  private static Optional<LocalTime> time(Validation v, String path, String value) {
    boolean shaped = value != null && value.matches("([01][0-9]|2[0-3]):[0-5][0-9]");
    v.check(shaped, path, "format", "must be a time HH:mm");
    return shaped ? Optional.of(LocalTime.parse(value)) : Optional.empty();
  }

  private static DutchHolidays holidays(Validation v, HolidaysInput input) {
    if (input == null) {
      v.check(false, "holidays", "required", "is required");
      return DutchHolidays.defaults();
    }
    v.check(input.goodFriday() != null, "holidays.goodFriday", "required", "is required");
    var liberation = v.requiredEnum("holidays.liberationDay", input.liberationDay(), DutchHolidays.LiberationDay.values(),
        SlaSettingsAdmin::wire);
    return new DutchHolidays(Boolean.TRUE.equals(input.goodFriday()),
        liberation.orElse(DutchHolidays.LiberationDay.LUSTRUM_YEARS));
  }

  private static Optional<Closure> closure(Validation v, String path, ClosureInput input) {
    if (input == null) {
      v.check(false, path, "required", "is required");
      return Optional.empty();
    }
    Optional<LocalDate> date = Optional.empty();
    try {
      date = Optional.ofNullable(input.date()).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}")).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      date = Optional.empty();
    }
    v.check(date.isPresent(), path + ".date", "format", "must be a date yyyy-mm-dd");
    LocalizedText reason = TextInput.read(v, path + ".reason", input.reason(), 200);
    return date.isPresent() && reason != null ? Optional.of(new Closure(date.get(), reason)) : Optional.empty();
  }

  /** {@code never}, {@code lustrum-years}, {@code every-year}. */
  static String wire(DutchHolidays.LiberationDay rule) {
    return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
