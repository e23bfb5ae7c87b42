package nl.klantportaal.sla.domain;

import java.time.Instant;
import java.util.Objects;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.ticketing.domain.Priority;

/** One SLA-relevant moment in a ticket's timeline. */
public sealed interface SlaEvent {

  Instant at();

  /**
   * The ticket was created; the terms are its customer's tier row of the table at that moment and stay
   * with the ticket.
   */
  record Created(Instant at, Priority priority, SlaTerms terms) implements SlaEvent {
    public Created {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(terms, "terms");
    }

    public SlaTier tier() {
      return terms.tier();
    }
  }

  /**
   * The service request waits for its customer admin's approval, and no work may start: neither clock
   * runs until {@link Approved}. Only at creation.
   */
  record AwaitingApproval(Instant at) implements SlaEvent {
    public AwaitingApproval {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The customer admin approved the request: both clocks start. */
  record Approved(Instant at) implements SlaEvent {
    public Approved {
      Objects.requireNonNull(at, "at");
    }
  }

  /** An agent (or the waiting policy) set a new priority. */
  record PriorityChanged(Instant at, Priority priority) implements SlaEvent {
    public PriorityChanged {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(priority, "priority");
    }
  }

  /** The ticket now waits for the customer: the resolution clock pauses. */
  record WaitingForCustomer(Instant at) implements SlaEvent {
    public WaitingForCustomer {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The customer answered: a paused resolution clock resumes. */
  record CustomerAnswered(Instant at) implements SlaEvent {
    public CustomerAnswered {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The customer was reminded of a question still open (waiting policy). */
  record CustomerReminded(Instant at) implements SlaEvent {
    public CustomerReminded {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A public reply by an agent; the first one meets the response target. */
  record PublicAgentReply(Instant at) implements SlaEvent {
    public PublicAgentReply {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The ticket was resolved: the resolution target is met unless it was already breached. */
  record Resolved(Instant at) implements SlaEvent {
    public Resolved {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A resolved or waiting ticket was reopened: the resolution clock runs again. */
  record Reopened(Instant at) implements SlaEvent {
    public Reopened {
      Objects.requireNonNull(at, "at");
    }
  }
}
