package nl.klantportaal.ticketing.port;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.paging.Page;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketMessage;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;

/** Tickets with their conversation, involved persons, approval and audit trail; each change is one transaction. */
public interface TicketRepository {
  /** The customer's next ticket number (an atomic counter; a refused or failed create leaves a gap, never a duplicate). */
  TicketNumber nextNumber(TenantId tenant);

  /**
   * Stores a new ticket, its watch items, approval item, first messages, audit entry and, in the same
   * transaction, what a companion context writes with it ({@link CompanionWrite}); Conflict if it exists.
   */
  void create(Ticket ticket, List<TicketMessage> messages, TicketAudit audit, Optional<CompanionWrite> companion);

  default void create(Ticket ticket, List<TicketMessage> messages, TicketAudit audit) {
    create(ticket, messages, audit, Optional.empty());
  }

  Optional<Ticket> find(TicketRef ref);

  /**
   * The tickets of {@code refs} that exist, read consistently as {@link #find} reads one (the due
   * scan reads a page's tickets at once); a ref without a ticket is absent from the map.
   */
  default Map<TicketRef, Ticket> findAll(Collection<TicketRef> refs) {
    Map<TicketRef, Ticket> found = new HashMap<>();
    refs.forEach(ref -> find(ref).ifPresent(ticket -> found.put(ref, ticket)));
    return found;
  }

  /**
   * Stores {@code change.next()} if the stored version is still {@code change.previous().version()},
   * with its new messages, audit entries, watch items and timed events; Conflict VERSION otherwise.
   */
  void save(TicketChange change);

  /** The ticket with its conversation in one query: public items only, or everything for provider staff. */
  Optional<TicketThread> thread(TicketRef ref, boolean withStaffItems);

  Page<Ticket> list(TicketQuery query, PageRequest page);

  /**
   * One page of the title index (docs/tickets.md "Search"): a keyed Query of the partition of
   * {@code search.lookup()} (one customer's, or every customer's when {@code tenant} is empty), newest
   * created first, {@code page.limit()} index items read; those whose stored words start with every
   * word of {@code search.words()} are read in one BatchGetItem. Tickets created before the index
   * have no index items and are not found.
   */
  Page<Ticket> searchTitles(TitleSearch search, PageRequest page);

  /** Every customer's ticket with {@code number} (one keyed Query of the number lookup, then their headers). */
  List<Ticket> withNumber(TicketNumber number);

  /**
   * A title search: {@code lookup} is the index term whose partition is read, {@code words} every
   * normalised query word (the lookup's word among them), all of which a ticket's title must have.
   */
  record TitleSearch(Optional<TenantId> tenant, String lookup, List<String> words) {
    public TitleSearch {
      words = List.copyOf(words);
      if (lookup.isEmpty() || words.isEmpty()) {
        throw new IllegalArgumentException("A title search needs a word");
      }
    }
  }

  /**
   * Timed events due at {@code now} from one DueIndex shard, oldest first, at most {@code limit},
   * continuing after {@code after} (a previous page's {@code next}), with the number of index items
   * the query read (only due entries: the key condition stops at {@code now}).
   */
  DuePage due(int shard, Instant now, int limit, Optional<String> after);

  /** Into how many parts (shards 0 to n-1) the store splits the pending timed events; {@link #due} reads one. */
  int dueShards();

  /** {@code next}: where the following page starts (opaque), empty after the last. */
  record DuePage(List<DueEntry> entries, int itemsRead, Optional<String> next) {
    public DuePage {
      entries = List.copyOf(entries);
      java.util.Objects.requireNonNull(next, "next");
    }
  }

  /**
   * A change of one ticket and everything written with it; {@code companion}, when present, is what a
   * companion context writes in the same transaction (the ticket's SLA record before and after);
   * {@code singleUse}, when present, is taken in the same transaction, so the change happens at most
   * once for it (a mail link's use: {@link SingleUses}).
   */
  record TicketChange(Ticket previous, Ticket next, List<TicketMessage> messages, List<TicketAudit> audit,
      Optional<Instant> autoCloseAt, Optional<CompanionWrite> companion, Optional<SingleUses.SingleUse> singleUse) {
    public TicketChange {
      messages = List.copyOf(messages);
      audit = List.copyOf(audit);
      if (!previous.ref().equals(next.ref()) || next.version() != previous.version() + 1) {
        throw new IllegalArgumentException("A change moves one ticket one version on");
      }
    }

    public TicketChange(Ticket previous, Ticket next, List<TicketMessage> messages, List<TicketAudit> audit,
        Optional<Instant> autoCloseAt) {
      this(previous, next, messages, audit, autoCloseAt, Optional.empty(), Optional.empty());
    }

    public TicketChange withCompanion(CompanionWrite write) {
      return new TicketChange(previous, next, messages, audit, autoCloseAt, Optional.of(write), singleUse);
    }

    public TicketChange withSingleUse(SingleUses.SingleUse use) {
      return new TicketChange(previous, next, messages, audit, autoCloseAt, companion, Optional.of(use));
    }
  }

  /** A ticket and what one query of its partition read; {@code rating} is read for provider staff only. */
  record TicketThread(Ticket ticket, List<TicketMessage> messages, List<TicketAudit> audit,
      List<nl.klantportaal.ticketing.domain.TicketAttachment> attachments,
      Optional<nl.klantportaal.ticketing.domain.TicketRating> rating) {
    public TicketThread {
      messages = List.copyOf(messages);
      audit = List.copyOf(audit);
      attachments = List.copyOf(attachments);
    }

    public TicketThread(Ticket ticket, List<TicketMessage> messages, List<TicketAudit> audit,
        List<nl.klantportaal.ticketing.domain.TicketAttachment> attachments) {
      this(ticket, messages, audit, attachments, Optional.empty());
    }
  }

  /** The keyed views; {@code filter} narrows within the keyed query (see docs/tickets.md for its cost). */
  sealed interface TicketQuery {
    Filter filter();

    record Reported(TenantId tenant, UserId reporter, Filter filter) implements TicketQuery {}

    record Shared(TenantId tenant, UserId watcher, Filter filter) implements TicketQuery {}

    record Organisation(TenantId tenant, Sort sort, Filter filter) implements TicketQuery {}

    record ByStatus(TicketStatus status, Sort sort, Filter filter) implements TicketQuery {}

    record ByAssignee(Optional<UserId> assignee, Filter filter) implements TicketQuery {}

    record PendingApproval(TenantId tenant, Filter filter) implements TicketQuery {}
  }

  enum Sort { UPDATED, CREATED }

  record Filter(Optional<Priority> priority, Optional<String> category) {
    public static final Filter NONE = new Filter(Optional.empty(), Optional.empty());
  }
}
