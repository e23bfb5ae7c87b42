package nl.klantportaal.local;

import java.util.Map;
import java.util.Optional;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/** A function's {@code DynamoDB} event: Lambda's event source mapping settings (FilterCriteria included) as the template declares them. */
public record StreamMapping(String name, String function, String streamArn, boolean fromLatest, int batchSize,
    int maximumRetryAttempts, boolean bisectOnError, boolean reportsItemFailures, Optional<String> failureDestination,
    StreamFilter filter) {

  /** AWS retries until the record expires (-1); locally a bound keeps a poisoned shard moving. */
  static final int LOCAL_RETRY_BOUND = 3;

  static StreamMapping of(SamTemplate.FunctionEvent event, Intrinsics intrinsics) {
    Map<String, Object> p = Yamls.map(intrinsics.resolve(event.properties()));
    int retries = Integer.parseInt(Yamls.string(p.getOrDefault("MaximumRetryAttempts", "-1")));
    String destination = Yamls.string(Yamls.map(Yamls.map(p.get("DestinationConfig")).get("OnFailure")).get("Destination"));
    return new StreamMapping(event.name(), event.functionId(), Yamls.string(p.get("Stream")),
        Yamls.string(p.get("StartingPosition")).equals("LATEST"),
        Integer.parseInt(Yamls.string(p.getOrDefault("BatchSize", "100"))),
        retries < 0 ? LOCAL_RETRY_BOUND : retries,
        Boolean.parseBoolean(Yamls.string(p.get("BisectBatchOnFunctionError"))),
        Yamls.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
        Optional.of(destination).filter(d -> !d.isEmpty()),
        StreamFilter.of(p.get("FilterCriteria")));
  }
}
