package nl.klantportaal.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingTest {
  @Test
  void keepsEachStepsOutcomeAndRunsTheNextAfterAFailure() {
    List<Context> contexts = new ArrayList<>();
    Map<String, String> outcomes = new Priming()
        .step("read", contexts::add)
        .step("missing key", context -> {
          throw new IllegalStateException("The specified key does not exist.");
        })
        .step("after", contexts::add)
        .outcomes();

    assertEquals(List.of("read", "missing key", "after"), List.copyOf(outcomes.keySet()));
    assertEquals(Priming.ANSWERED, outcomes.get("read"));
    assertEquals("IllegalStateException: The specified key does not exist.", outcomes.get("missing key"));
    assertEquals(Priming.ANSWERED, outcomes.get("after"));
    assertEquals(2, contexts.size());
    assertEquals("snapstart-priming", contexts.get(0).getAwsRequestId());
  }

  @Test
  void aStreamEventReadsAsTheRuntimesBatchOfOneRecord() {
    DynamodbEvent event = DynamodbStreamEvents.read(Priming.streamEvent("INSERT",
        Map.of("PK", Priming.s("TENANT#x"), "SK", Priming.s("JOB")), Map.of("page", Priming.n(3))));

    assertEquals(1, event.getRecords().size());
    DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
    assertEquals("INSERT", record.getEventName());
    assertEquals("TENANT#x", record.getDynamodb().getKeys().get("PK").getS());
    assertEquals("3", record.getDynamodb().getNewImage().get("page").getN());
    assertNull(DynamodbStreamEvents.read(Priming.streamEvent("REMOVE", Map.of("PK", Priming.s("x")), null))
        .getRecords().get(0).getDynamodb().getNewImage());
  }
}
