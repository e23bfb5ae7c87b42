package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** FilterCriteria as the local event source mapping applies them, read from template.yaml itself. */
class StreamFilterTest {

  private static Map<String, Object> record(OperationType event, String sk, Map<String, AttributeValue> newImage) {
    Map<String, AttributeValue> keys = Map.of("PK", AttributeValue.fromS("TENANT#acme#TICKET#00000001"), "SK", AttributeValue.fromS(sk));
    Record record = Record.builder().eventID("e1").eventName(event).eventVersion("1.1")
        .dynamodb(StreamRecord.builder().keys(keys).newImage(newImage).sequenceNumber("1").sizeBytes(10L)
            .streamViewType("NEW_AND_OLD_IMAGES").build()).build();
    return StreamRecords.record(record, "arn:aws:dynamodb:eu-west-1:000000000000:table/PortalTable/stream/local");
  }

  /** The stream event source mapping of {@code functionId} as template.yaml declares it. */
  private static StreamMapping mappingOf(String functionId) {
    SamTemplate template = SamTemplate.project();
    return template.eventsOfType("DynamoDB").stream().filter(e -> e.functionId().equals(functionId)).findFirst()
        .map(e -> StreamMapping.of(e, new LocalNames(template).intrinsics())).orElseThrow();
  }

  private static StreamFilter filter(String pattern) {
    return StreamFilter.of(Map.of("Filters", List.of(Map.of("Pattern", pattern))));
  }

  @Test
  void theNotificationMappingOfTemplateYamlLetsOnlyPublicItemsThrough() {
    StreamMapping mapping = mappingOf("TicketNotificationsFunction");
    assertFalse(mapping.filter().isEmpty());
    assertTrue(mapping.filter().matches(record(OperationType.INSERT, "PUB#TICKET", Map.of())));
    assertTrue(mapping.filter().matches(record(OperationType.INSERT, "PUB#MSG#2026-11-23T10:00:00Z#m1", Map.of())));
    assertFalse(mapping.filter().matches(record(OperationType.INSERT, "STAFF#NOTE#2026-11-23T10:00:00Z#n1", Map.of())),
        "internal notes never reach the notification function");
    assertFalse(mapping.filter().matches(record(OperationType.MODIFY, "STAFF#AUDIT#x", Map.of())));
    assertTrue(mapping.reportsItemFailures());
    assertTrue(mapping.bisectOnError());
    assertTrue(mapping.failureDestination().isPresent());
  }

  @Test
  void theBundleRequestMappingLetsThroughAnApprovedHourRequestWhetherApprovedLaterOrWhenRaised() {
    StreamMapping mapping = mappingOf("BundleRequestsFunction");
    Map<String, AttributeValue> approved = Map.of("requestTypeId", AttributeValue.fromS("extra-hours"),
        "approval", AttributeValue.fromS("approved"));
    assertTrue(mapping.filter().matches(record(OperationType.MODIFY, "PUB#TICKET", approved)), "approved by a customer admin");
    assertTrue(mapping.filter().matches(record(OperationType.INSERT, "PUB#TICKET", approved)),
        "raised by a customer admin: approved from the start");
    assertFalse(mapping.filter().matches(record(OperationType.INSERT, "PUB#TICKET", Map.of("requestTypeId",
        AttributeValue.fromS("extra-hours"), "approval", AttributeValue.fromS("pending")))), "waiting for approval");
    assertFalse(mapping.filter().matches(record(OperationType.MODIFY, "PUB#TICKET", Map.of("requestTypeId",
        AttributeValue.fromS("new-subscription"), "approval", AttributeValue.fromS("approved")))), "another request type");
  }

  @Test
  void noFilterCriteriaLetsEverythingThrough() {
    assertTrue(StreamFilter.of(null).matches(record(OperationType.REMOVE, "anything", Map.of())));
  }

  @Test
  void patternsMatchLikeLambdaEventFiltering() {
    var insert = record(OperationType.INSERT, "PUB#TICKET", Map.of("status", AttributeValue.fromS("open"),
        "number", AttributeValue.fromN("42")));
    assertTrue(filter("{\"eventName\": [\"INSERT\", \"MODIFY\"]}").matches(insert));
    assertFalse(filter("{\"eventName\": [\"REMOVE\"]}").matches(insert));
    assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"anything-but\": [\"closed\"]}]}}}}").matches(insert));
    assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"anything-but\": \"open\"}]}}}}").matches(insert));
    assertTrue(filter("{\"dynamodb\": {\"Keys\": {\"SK\": {\"S\": [{\"suffix\": \"TICKET\"}]}}}}").matches(insert));
    assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"assigneeId\": [{\"exists\": false}]}}}").matches(insert));
    assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"assigneeId\": [{\"exists\": true}]}}}").matches(insert));
    assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"number\": {\"N\": [{\"numeric\": [\">\", 40, \"<=\", 42]}]}}}}")
        .matches(insert));
    assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"number\": {\"N\": [{\"numeric\": [\">\", 42]}]}}}}").matches(insert));
    var two = StreamFilter.of(Map.of("Filters", List.of(Map.of("Pattern", "{\"eventName\": [\"REMOVE\"]}"),
        Map.of("Pattern", "{\"eventName\": [\"INSERT\"]}"))));
    assertTrue(two.matches(insert), "filters are alternatives");
  }

  @Test
  void anUnsupportedOperatorRefusesToStart() {
    StartFailure refused = assertThrows(StartFailure.class,
        () -> filter("{\"eventName\": [{\"equals-ignore-case\": \"insert\"}]}"));
    assertEquals("FilterCriteria operator 'equals-ignore-case' is not supported by the local cloud", refused.getMessage());
  }
}
