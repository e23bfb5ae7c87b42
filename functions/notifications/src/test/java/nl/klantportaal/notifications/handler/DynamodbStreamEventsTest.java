package nl.klantportaal.notifications.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.klantportaal.core.api.DynamodbStreamEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The stream functions read Lambda's JSON themselves (DynamodbStreamEvents); the Java runtime's own
 * deserializer (aws-lambda-java-serialization, through aws-lambda-java-tests' EventLoader) is the
 * oracle: every stream sample under events/ reads the same both ways.
 */
class DynamodbStreamEventsTest {

  @TestFactory
  Stream<DynamicTest> everyStreamSampleReadsAsTheRuntimeReadsIt() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.walk(Lambda.events())) {
      samples = files.filter(p -> p.toString().endsWith(".json")).filter(DynamodbStreamEventsTest::isStreamEvent).sorted().toList();
    }
    assertFalse(samples.isEmpty(), "the stream functions have samples under events/");
    return samples.stream().map(sample -> DynamicTest.dynamicTest(Lambda.events().relativize(sample).toString(), () -> {
      DynamodbEvent expected = EventLoader.loadDynamoDbEvent(sample.toString());
      DynamodbEvent actual = DynamodbStreamEvents.read(Lambda.jsonEvent(Lambda.events().relativize(sample).toString()));
      assertEquals(expected.getRecords().size(), actual.getRecords().size());
      for (int i = 0; i < expected.getRecords().size(); i++) {
        DynamodbEvent.DynamodbStreamRecord want = expected.getRecords().get(i);
        DynamodbEvent.DynamodbStreamRecord got = actual.getRecords().get(i);
        assertEquals(want.getEventID(), got.getEventID());
        assertEquals(want.getEventName(), got.getEventName());
        assertEquals(want.getEventSource(), got.getEventSource());
        assertEquals(want.getEventSourceARN(), got.getEventSourceARN());
        assertEquals(want.getAwsRegion(), got.getAwsRegion());
        assertEquals(want.getDynamodb().getSequenceNumber(), got.getDynamodb().getSequenceNumber());
        assertEquals(want.getDynamodb().getSizeBytes(), got.getDynamodb().getSizeBytes());
        assertEquals(want.getDynamodb().getStreamViewType(), got.getDynamodb().getStreamViewType());
        assertEquals(want.getDynamodb().getApproximateCreationDateTime(), got.getDynamodb().getApproximateCreationDateTime());
        assertEquals(want.getDynamodb().getKeys(), got.getDynamodb().getKeys());
        assertEquals(want.getDynamodb().getNewImage(), got.getDynamodb().getNewImage());
        assertEquals(want.getDynamodb().getOldImage(), got.getDynamodb().getOldImage());
      }
    }));
  }

  @Test
  void everyAttributeTypeReadsToItsValue() {
    Map<String, Object> event = Map.of("Records", List.of(Map.of("eventID", "e1", "eventName", "MODIFY", "dynamodb", Map.of(
        "SequenceNumber", "42",
        "NewImage", Map.of(
            "s", Map.of("S", "tekst"), "n", Map.of("N", "12.50"), "b", Map.of("B", "aGFsbG8="),
            "ss", Map.of("SS", List.of("a", "b")), "ns", Map.of("NS", List.of("1", "2")), "bs", Map.of("BS", List.of("aGFsbG8=")),
            "m", Map.of("M", Map.of("inner", Map.of("S", "x"))), "l", Map.of("L", List.of(Map.of("N", "1"), Map.of("S", "y"))),
            "null", Map.of("NULL", true), "bool", Map.of("BOOL", false))))));
    Map<String, AttributeValue> image = DynamodbStreamEvents.read(event).getRecords().getFirst().getDynamodb().getNewImage();
    assertEquals("tekst", image.get("s").getS());
    assertEquals("12.50", image.get("n").getN());
    assertEquals(ByteBuffer.wrap("hallo".getBytes(StandardCharsets.UTF_8)), image.get("b").getB());
    assertEquals(List.of("a", "b"), image.get("ss").getSS());
    assertEquals(List.of("1", "2"), image.get("ns").getNS());
    assertEquals(List.of(ByteBuffer.wrap("hallo".getBytes(StandardCharsets.UTF_8))), image.get("bs").getBS());
    assertEquals("x", image.get("m").getM().get("inner").getS());
    assertEquals(List.of("1", "y"), image.get("l").getL().stream().map(v -> v.getN() != null ? v.getN() : v.getS()).toList());
    assertEquals(true, image.get("null").isNULL());
    assertEquals(false, image.get("bool").getBOOL());
    assertEquals("42", DynamodbStreamEvents.read(event).getRecords().getFirst().getDynamodb().getSequenceNumber());
  }

  @Test
  void anAttributeOfAnUnknownTypeIsRefusedNotDropped() {
    Map<String, Object> event = Map.of("Records", List.of(Map.of("dynamodb", Map.of("NewImage", Map.of("x", Map.of("Q", "?"))))));
    assertThrows(IllegalArgumentException.class, () -> DynamodbStreamEvents.read(event));
  }

  @Test
  void anEmptyOrAbsentBatchHasNoRecords() {
    assertEquals(List.of(), DynamodbStreamEvents.read(Map.of()).getRecords());
    assertEquals(List.of(), DynamodbStreamEvents.read(null).getRecords());
  }

  private static boolean isStreamEvent(Path file) {
    try {
      return Files.readString(file).contains("\"eventSource\": \"aws:dynamodb\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
