package nl.klantportaal.benchmarks.floors;

/**
 * {@link SameCallsFloor} with another sequence of calls: what a change to {@code POST /tickets}' calls would cost
 * before it is made ({@code -Dbench.proposedCalls=get+get+update,transact}, LambdaBenchmark; README,
 * "Benchmarks"). The sequence is {@code FLOOR_PROPOSED_CALLS}, in {@code FLOOR_CALLS}' notation; its transaction
 * puts {@code FLOOR_PROPOSED_EXTRA_ITEMS} items more than the create's (for example the Idempotency-Key's record,
 * written in the transaction instead of claimed and completed around it).
 */
public final class ProposedCallsFloor extends SameCallsFloor {
  public ProposedCallsFloor() {
    super(System.getenv("FLOOR_PROPOSED_CALLS"), Integer.parseInt(System.getenv().getOrDefault("FLOOR_PROPOSED_EXTRA_ITEMS", "0")));
  }
}
