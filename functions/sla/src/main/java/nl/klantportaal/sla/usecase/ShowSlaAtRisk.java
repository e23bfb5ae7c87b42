package nl.klantportaal.sla.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.DueEntry;
import nl.klantportaal.ticketing.port.TicketRepository;

/**
 * The SLA at risk, for provider staff (GET /sla/at-risk?hours=N[&customerId=]): every open ticket whose
 * response or resolution deadline falls within the next N hours, or has passed without being met,
 * soonest breach first, with its 80 % warning time. Read from the sparse DueIndex, where each pending
 * SLA event sits at its moment (keyed Queries of its shards up to now + N hours: the deadlines and
 * warnings due by then, nothing else of the table), then the tickets in one BatchGetItem. Beyond the
 * peers, which sort a queue by due date: this predicts which breach comes next across all queues.
 */
public final class ShowSlaAtRisk {
  public static final int DEFAULT_HOURS = 8;
  public static final int MAX_HOURS = 168;
  /** Index entries read per shard at most; beyond it the answer says it is not complete. */
  static final int MAX_PER_SHARD = 1000;
  private static final int PAGE = 200;

  private final TicketRepository tickets;
  private final Clock clock;

  public ShowSlaAtRisk(TicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  /** {@code state}: {@code breached} (its deadline passed) or {@code at-risk}; {@code warningAt} when the warning is still to come. */
  public record Row(String ticketId, long number, String customerId, String title, String priority, String status,
      Optional<String> assigneeId, String target, Instant dueAt, Optional<Instant> warningAt, String state) {}

  public record AtRiskView(int hours, Instant until, List<Row> tickets, boolean complete, int itemsRead) {}

  public AtRiskView execute(Optional<String> hours, Optional<String> customerId) {
    Validation v = new Validation();
    int window = DEFAULT_HOURS;
    if (hours.isPresent()) {
      try {
        window = Integer.parseInt(hours.get().strip());
      } catch (NumberFormatException e) {
        window = -1;
      }
      v.check(window >= 1 && window <= MAX_HOURS, "hours", "out-of-range", "is a whole number of hours from 1 to " + MAX_HOURS);
    }
    v.check(customerId.map(TenantId::isValid).orElse(true), "customerId", "invalid", "is a customer id");
    v.throwIfInvalid();
    Optional<TenantId> customer = customerId.map(TenantId::new);
    Instant now = clock.instant();
    Instant until = now.plus(Duration.ofHours(window));
    Map<String, DueEntry> deadlines = new LinkedHashMap<>();
    Map<String, Instant> warnings = new HashMap<>();
    boolean complete = true;
    int read = 0;
    for (int shard = 0; shard < tickets.dueShards(); shard++) {
      Optional<String> after = Optional.empty();
      int readHere = 0;
      do {
        TicketRepository.DuePage page = tickets.due(shard, until, PAGE, after);
        readHere += page.itemsRead();
        for (DueEntry entry : page.entries()) {
          if (customer.filter(c -> !c.equals(entry.ticket().tenant())).isPresent() || entry.target().isEmpty()) {
            continue;
          }
          String key = entry.ticket().token() + "#" + entry.target().get();
          if (entry.kind().equals(PendingSlaEvent.Kind.DEADLINE.name())) {
            deadlines.merge(key, entry, (a, b) -> a.dueAt().isBefore(b.dueAt()) ? a : b);
          } else if (entry.kind().equals(PendingSlaEvent.Kind.WARNING_80.name())) {
            warnings.merge(key, entry.dueAt(), (a, b) -> a.isBefore(b) ? a : b);
          }
        }
        after = page.next();
        if (readHere >= MAX_PER_SHARD && after.isPresent()) {
          complete = false;
          after = Optional.empty();
        }
      } while (after.isPresent());
      read += readHere;
    }
    Map<TicketRef, Ticket> found = tickets.findAll(deadlines.values().stream().map(DueEntry::ticket).distinct().toList());
    List<Row> rows = new ArrayList<>();
    deadlines.forEach((key, entry) -> Optional.ofNullable(found.get(entry.ticket()))
        .filter(t -> t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED)
        .ifPresent(t -> rows.add(new Row(t.ref().token(), t.ref().number().value(), t.ref().tenant().value(), t.title(),
            t.priority().wireName(), t.status().wireName(), t.assignee().map(u -> u.value()),
            entry.target().orElseThrow().toLowerCase(java.util.Locale.ROOT), entry.dueAt(),
            Optional.ofNullable(warnings.get(key)).filter(now::isBefore),
            entry.dueAt().isAfter(now) ? "at-risk" : "breached"))));
    rows.sort(Comparator.comparing(Row::dueAt).thenComparing(Row::ticketId));
    return new AtRiskView(window, until, rows, complete, read);
  }
}
