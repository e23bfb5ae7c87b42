package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's event source mapping for one DynamoDB stream and function: drops records its
 * FilterCriteria do not match (as Lambda does, before invoking), batches up to BatchSize in
 * order per shard, at least once; a failed batch is retried up to MaximumRetryAttempts, bisected on
 * function errors when asked, resumed after the last good record on partial batch responses; what
 * still fails goes to the on-failure destination and the shard moves on. Checkpoints survive restarts.
 */
public final class StreamPoller implements AutoCloseable {

  private static final Duration IDLE = Duration.ofMillis(200);

  private final StreamMapping mapping;
  private final DynamoDbStreamsClient streams;
  private final FunctionInvoker function;
  private final DeadLetters deadLetters;
  private final StreamCheckpoints checkpoints;
  private final Map<String, String> iterators = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final Thread thread;
  private volatile boolean running = true;

  public StreamPoller(StreamMapping mapping, DynamoDbStreamsClient streams, FunctionInvoker function,
      DeadLetters deadLetters, StreamCheckpoints checkpoints) {
    this.mapping = mapping;
    this.streams = streams;
    this.function = function;
    this.deadLetters = deadLetters;
    this.checkpoints = checkpoints;
    this.thread = new Thread(this::run, "stream-" + mapping.function());
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    boolean firstPass = true;
    while (running) {
      boolean delivered = false;
      try {
        for (Shard shard : shards()) {
          if (!running) {
            return;
          }
          delivered |= poll(shard, firstPass);
        }
        firstPass = false;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        System.out.println("STREAM " + mapping.function() + ": polling failed, trying again: " + e);
      }
      if (!delivered) {
        try {
          Thread.sleep(IDLE);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Shards with parents before children, so records of one key keep their order. */
  private List<Shard> shards() {
    List<Shard> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      var description = streams.describeStream(r -> r.streamArn(mapping.streamArn()).exclusiveStartShardId(from))
          .streamDescription();
      all.addAll(description.shards());
      start = description.lastEvaluatedShardId();
    } while (start != null);
    List<Shard> ordered = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    all.forEach(s -> ids.add(s.shardId()));
    while (ordered.size() < all.size()) {
      for (Shard shard : all) {
        boolean parentDone = shard.parentShardId() == null || !ids.contains(shard.parentShardId())
            || ordered.stream().anyMatch(o -> o.shardId().equals(shard.parentShardId()));
        if (!ordered.contains(shard) && parentDone) {
          ordered.add(shard);
        }
      }
    }
    return ordered;
  }

  private boolean poll(Shard shard, boolean firstPass) {
    String shardId = shard.shardId();
    if (finished.contains(shardId) || checkpoints.closed(mapping, shardId)) {
      return false;
    }
    GetRecordsResponse response;
    try {
      String iterator = iterators.computeIfAbsent(shardId, id -> iterator(shard, firstPass));
      response = streams.getRecords(r -> r.shardIterator(iterator).limit(mapping.batchSize()));
    } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
      iterators.remove(shardId);
      return false;
    }
    List<Record> records = response.records();
    if (!records.isEmpty()) {
      List<Record> matching = records.stream()
          .filter(r -> mapping.filter().matches(StreamRecords.record(r, mapping.streamArn()))).toList();
      if (matching.size() < records.size()) {
        System.out.printf("STREAM %s %d record(s) filtered out by FilterCriteria%n", mapping.function(),
            records.size() - matching.size());
      }
      if (!matching.isEmpty()) {
        deliver(shardId, matching, mapping.maximumRetryAttempts(), 1);
      }
      checkpoints.save(mapping, shardId, records.getLast().dynamodb().sequenceNumber());
    }
    if (response.nextShardIterator() == null) {
      finished.add(shardId);
      checkpoints.close(mapping, shardId);
      iterators.remove(shardId);
    } else {
      iterators.put(shardId, response.nextShardIterator());
    }
    return !records.isEmpty();
  }

  private String iterator(Shard shard, boolean firstPass) {
    Optional<String> after = checkpoints.sequence(mapping, shard.shardId());
    try {
      if (after.isPresent()) {
        return streams.getShardIterator(r -> r.streamArn(mapping.streamArn()).shardId(shard.shardId())
            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after.get())).shardIterator();
      }
    } catch (TrimmedDataAccessException e) {
      System.out.println("STREAM " + mapping.function() + ": checkpoint of shard " + shard.shardId() + " trimmed; reading from the oldest record");
    }
    ShardIteratorType type = firstPass && mapping.fromLatest() ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
    return streams.getShardIterator(r -> r.streamArn(mapping.streamArn()).shardId(shard.shardId())
        .shardIteratorType(type)).shardIterator();
  }

  /** Delivers a batch; what fails is retried (bisected on function errors) and finally dead-lettered. */
  private void deliver(String shardId, List<Record> batch, int retriesLeft, int attempt) {
    Outcome outcome = invoke(batch);
    if (outcome.failedFrom() >= batch.size()) {
      return;
    }
    List<Record> failed = batch.subList(outcome.failedFrom(), batch.size());
    if (retriesLeft <= 0) {
      var file = deadLetters.write(mapping, shardId, failed, attempt, outcome.error());
      System.out.printf("STREAM %s moved %d record(s) to the failure destination after %d attempts: %s%n",
          mapping.function(), failed.size(), attempt, file);
      return;
    }
    try {
      Thread.sleep(Duration.ofMillis(100L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return;
    }
    if (outcome.functionError() && mapping.bisectOnError() && failed.size() > 1) {
      int half = failed.size() / 2;
      deliver(shardId, failed.subList(0, half), retriesLeft - 1, attempt + 1);
      deliver(shardId, failed.subList(half, failed.size()), retriesLeft - 1, attempt + 1);
    } else {
      deliver(shardId, failed, retriesLeft - 1, attempt + 1);
    }
  }

  /** {@code failedFrom}: index of the first record to retry (batch size when all succeeded). */
  private record Outcome(int failedFrom, boolean functionError, String error) {}

  private Outcome invoke(List<Record> batch) {
    byte[] event;
    try {
      event = AwsJsonApi.JSON.writeValueAsBytes(StreamRecords.event(batch, mapping.streamArn()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    InvocationResult result = function.invoke(event);
    System.out.printf("STREAM %s %d record(s) %s%n", mapping.function(), batch.size(),
        result instanceof InvocationResult.Success ? "delivered" : "failed");
    return switch (result) {
      case InvocationResult.Failure failure -> new Outcome(0, true, "Unhandled");
      case InvocationResult.Success success -> mapping.reportsItemFailures()
          ? partial(batch, success.json())
          : new Outcome(batch.size(), false, "");
    };
  }

  /** A partial batch response; an unreadable one or an unknown item counts as a failure of the whole batch. */
  private static Outcome partial(List<Record> batch, String json) {
    try {
      JsonNode failures = AwsJsonApi.JSON.readTree(json).path("batchItemFailures");
      int first = batch.size();
      for (JsonNode failure : failures) {
        String id = failure.path("itemIdentifier").asText("");
        int index = indexOf(batch, id);
        if (index < 0) {
          return new Outcome(0, false, "InvalidBatchItemFailure");
        }
        first = Math.min(first, index);
      }
      return new Outcome(first, false, "PartialBatchFailure");
    } catch (IOException e) {
      return new Outcome(0, false, "InvalidResponse");
    }
  }

  private static int indexOf(List<Record> batch, String sequenceNumber) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
