package nl.klantportaal.core.observability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
  @Test
  void registersOnlyForASnapStartInit() {
    AtomicBoolean ran = new AtomicBoolean();
    assertFalse(SnapStartPriming.register(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"), () -> ran.set(true)));
    assertFalse(SnapStartPriming.register(Map.of(), () -> ran.set(true)));
    assertTrue(SnapStartPriming.register(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), () -> ran.set(true)));
    assertFalse(ran.get(), "priming runs at the checkpoint, not at registration");
  }
}
