package nl.klantportaal.billing.port;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.klantportaal.billing.domain.DueNotice;

/**
 * The billing notices on DueIndex ({@code DuePK = DUE#BILLING}, sparse): written by the ledger's
 * transaction (thresholds, overflow) and by a bundle's activation (expiry, due 30 days before its
 * end), read by the daily job, and taken off the index once handled.
 */
public interface HourNotices {
  /** Use thresholds that warn the customer's admins, in percent of the minutes bought. */
  int[] THRESHOLDS = {80, 95};
  int EXPIRY_NOTICE_DAYS = 30;
  ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** Every notice due at {@code now}, oldest first (only these are read). */
  List<DueNotice> due(Instant now);

  /** Takes the notice off the index, marking when it was handled; false when another run did so first. */
  boolean done(DueNotice notice, Instant at);
}
