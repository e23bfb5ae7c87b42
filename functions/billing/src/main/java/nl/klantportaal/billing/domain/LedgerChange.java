package nl.klantportaal.billing.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one booking writes to the ledger, atomically: new lines (a registration's parts, or a
 * correction's reversals and replacement), the original lines a correction marks as corrected, and
 * what each bundle's balance moves by as a result.
 */
public record LedgerChange(List<TimeEntry> lines, List<TimeEntry> corrected, Optional<String> correctionId) {

  public LedgerChange {
    lines = List.copyOf(lines);
    corrected = List.copyOf(corrected);
    if (!corrected.isEmpty() && correctionId.isEmpty()) {
      throw new IllegalArgumentException("Marking lines corrected needs the correction's id");
    }
  }

  public static LedgerChange booking(List<TimeEntry> lines) {
    return new LedgerChange(lines, List.of(), Optional.empty());
  }

  /** Minutes each bundle's balance goes down by (negative: restored by a reversal), netted per bundle. */
  public Map<String, Integer> bundleDeltas() {
    Map<String, Integer> deltas = new LinkedHashMap<>();
    for (TimeEntry line : lines) {
      if (line.status() instanceof InvoiceStatus.InBundle b) {
        deltas.merge(b.bundleId(), line.minutes(), Integer::sum);
      }
    }
    deltas.values().removeIf(v -> v == 0);
    return deltas;
  }
}
