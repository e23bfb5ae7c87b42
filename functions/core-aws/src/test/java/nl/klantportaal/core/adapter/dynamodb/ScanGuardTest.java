package nl.klantportaal.core.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.ScanGuard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The guard that keeps Scan out of every code path the tests run is itself installed and working. */
class ScanGuardTest {
  @Test
  @Tag("scan-guard-self-test")
  void everySdkClientInTheTestsRefusesScan() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    String table = dynamoDb.createPortalTable();
    try (var client = dynamoDb.client()) {
      assertThrows(IllegalStateException.class, () -> client.scan(r -> r.tableName(table)));
    }
    assertEquals(List.of(table), ScanGuard.drain());
  }
}
