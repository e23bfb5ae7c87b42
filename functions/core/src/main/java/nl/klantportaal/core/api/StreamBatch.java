package nl.klantportaal.core.api;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * A batch of the table's stream, record by record: a record that throws is logged with what it was
 * and reported back (ReportBatchItemFailures), so Lambda retries from it, bisects, and finally hands
 * it to the mapping's on-failure destination; the other records of the batch go on.
 */
public final class StreamBatch {
  private StreamBatch() {}

  /** {@code what}: the records' kind in the log line ("Report work", "Approved hour request"). */
  public static StreamsEventResponse each(DynamodbEvent event, Logger log, String what,
      Consumer<DynamodbEvent.DynamodbStreamRecord> handle) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      try {
        handle.accept(record);
      } catch (RuntimeException e) {
        log.error("{} in record {} failed; it is retried", what, record.getEventID(), e);
        failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
      }
    }
    return new StreamsEventResponse(failures);
  }
}
