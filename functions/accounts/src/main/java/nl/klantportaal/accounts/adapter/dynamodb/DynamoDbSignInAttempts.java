package nl.klantportaal.accounts.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klantportaal.accounts.identity.port.SignInAttempts;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One small item per failure, {@code RATE#<scope>#<sha256(key)> / <at>#<id>}, expiring after an hour;
 * counting is a keyed Query over the window. E-mail addresses and IP addresses are stored hashed.
 */
public final class DynamoDbSignInAttempts implements SignInAttempts {
  private static final Duration KEEP = Duration.ofHours(1);
  private final PortalTable table;

  public DynamoDbSignInAttempts(PortalTable table) {
    this.table = table;
  }

  @Override
  public List<Instant> failuresSince(Scope scope, String key, Instant since) {
    var response = table.client().query(r -> r.tableName(table.name()).consistentRead(true)
        .keyConditionExpression("PK = :pk AND SK > :since")
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(Keys.rateLimit(scope.name(), sha256(key))),
            ":since", AttributeValue.fromS(since.toString())))
        .projectionExpression("SK")
        .limit(100));
    List<Instant> failures = new ArrayList<>();
    response.items().forEach(item -> failures.add(Instant.parse(item.get("SK").s().substring(0, item.get("SK").s().indexOf('#')))));
    return failures;
  }

  @Override
  public void recordFailure(Scope scope, String key, Instant at) {
    table.client().putItem(r -> r.tableName(table.name()).item(Map.of(
        Keys.PK, AttributeValue.fromS(Keys.rateLimit(scope.name(), sha256(key))),
        Keys.SK, AttributeValue.fromS(at + "#" + UUID.randomUUID()),
        "type", AttributeValue.fromS("SignInFailure"),
        "expiresAt", AttributeValue.fromN(Long.toString(at.plus(KEEP).getEpochSecond())))));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
