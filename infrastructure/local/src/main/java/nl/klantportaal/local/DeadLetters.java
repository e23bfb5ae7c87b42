package nl.klantportaal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The local on-failure destination: one JSON file per stream batch or asynchronous invoke that exhausted
 * its retries, in {@code <state>/dead-letters/<function>/}, shaped like the message Lambda sends to an
 * SQS/SNS destination, with the records or the event itself so nothing is lost.
 */
public record DeadLetters(Path root) {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  public Path folder(String function) {
    return root.resolve(function);
  }

  /**
   * An asynchronous invoke that failed its every attempt, shaped like Lambda's on-failure record for
   * asynchronous invocation (requestContext, responseContext, requestPayload: the event itself).
   */
  Path writeAsync(String function, Optional<String> destination, byte[] event, int invokeCount, InvocationResult.Failure failure) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("version", "1.0");
    message.put("timestamp", Instant.now().toString());
    message.put("requestContext", Map.of("requestId", failure.requestId(), "functionArn", "arn:aws:lambda:" + AwsClients.REGION
        + ":" + AwsClients.ACCOUNT + ":function:" + function + ":$LATEST", "condition", "RetriesExhausted",
        "approximateInvokeCount", invokeCount));
    message.put("responseContext", Map.of("statusCode", 200, "executedVersion", "$LATEST", "functionError", "Unhandled"));
    message.put("responsePayload", Map.of("errorType", failure.errorType(), "errorMessage", failure.errorMessage()));
    message.put("destination", destination.orElse("none declared in the template"));
    try {
      message.put("requestPayload", AwsJsonApi.JSON.readTree(event));
    } catch (IOException e) {
      message.put("requestPayload", new String(event, java.nio.charset.StandardCharsets.UTF_8));
    }
    return store(folder(function).resolve(Instant.now().toEpochMilli() + "-" + SEQUENCE.incrementAndGet() + ".json"), message);
  }

  Path write(StreamMapping mapping, String shardId, List<Record> records, int invokeCount, String functionError) {
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("shardId", shardId);
    batch.put("startSequenceNumber", records.getFirst().dynamodb().sequenceNumber());
    batch.put("endSequenceNumber", records.getLast().dynamodb().sequenceNumber());
    batch.put("batchSize", records.size());
    batch.put("streamArn", mapping.streamArn());
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("requestContext", Map.of("functionArn", "arn:aws:lambda:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT
        + ":function:" + mapping.function(), "condition", "RetryAttemptsExhausted", "approximateInvokeCount", invokeCount));
    message.put("responseContext", Map.of("executedVersion", "$LATEST", "functionError", functionError));
    message.put("version", "1.0");
    message.put("timestamp", Instant.now().toString());
    message.put("destination", mapping.failureDestination().orElse("none declared in the template"));
    message.put("DDBStreamBatchInfo", batch);
    message.put("records", records.stream().map(r -> StreamRecords.record(r, mapping.streamArn())).toList());
    return store(folder(mapping.function()).resolve(Instant.now().toEpochMilli() + "-" + SEQUENCE.incrementAndGet() + ".json"),
        message);
  }

  /** Written beside and then moved into place, so a reader never sees half a letter. */
  private static Path store(Path file, Map<String, Object> message) {
    try {
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      AwsJsonApi.JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), message);
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the dead letter " + file, e);
    }
  }
}
