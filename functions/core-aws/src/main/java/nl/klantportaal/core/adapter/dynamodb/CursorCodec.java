package nl.klantportaal.core.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klantportaal.core.api.Json;
import nl.klantportaal.core.paging.InvalidCursorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey plus the scope of the query that produced
 * it (query name, index, partition value), signed with HMAC-SHA256. A cursor is accepted only by
 * the same query over the same partition, so it can neither be forged nor carried into another
 * tenant's or another query's key space.
 */
public final class CursorCodec {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public CursorCodec(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("The cursor key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  public String encode(QueryScope scope, Map<String, AttributeValue> lastEvaluatedKey) {
    Map<String, String> keys = new TreeMap<>();
    lastEvaluatedKey.forEach((name, value) -> {
      if (value.s() == null) {
        throw new IllegalArgumentException("Only string keys are paged; " + name + " is not one");
      }
      keys.put(name, value.s());
    });
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("s", scope.id());
    payload.put("k", keys);
    String body = ENCODER.encodeToString(Json.write(payload));
    return body + "." + ENCODER.encodeToString(sign(body));
  }

  public Map<String, AttributeValue> decode(String cursor, QueryScope scope) {
    int dot = cursor.indexOf('.');
    if (cursor.length() > 2048 || dot <= 0 || dot == cursor.length() - 1) {
      throw new InvalidCursorException("malformed");
    }
    String body = cursor.substring(0, dot);
    byte[] signature;
    byte[] json;
    try {
      signature = DECODER.decode(cursor.substring(dot + 1));
      json = DECODER.decode(body);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("not base64url");
    }
    if (!MessageDigest.isEqual(signature, sign(body))) {
      throw new InvalidCursorException("signature does not match");
    }
    Map<String, Object> payload;
    try {
      payload = Json.readObject(json);
    } catch (Json.Unreadable e) {
      throw new InvalidCursorException("unreadable");
    }
    if (!scope.id().equals(payload.get("s"))) {
      throw new InvalidCursorException("made by another query");
    }
    if (!(payload.get("k") instanceof Map<?, ?> keys)) {
      throw new InvalidCursorException("no keys");
    }
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    keys.forEach((name, value) -> result.put(String.valueOf(name), AttributeValue.fromS(String.valueOf(value))));
    AttributeValue partition = result.get(scope.partitionAttribute());
    if (partition == null || !scope.partitionValue().equals(partition.s())) {
      throw new InvalidCursorException("outside the caller's key space");
    }
    return result;
  }

  private byte[] sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The query a cursor belongs to: its name, the index it reads and the partition it is keyed on. */
  public record QueryScope(String queryName, String indexName, String partitionAttribute, String partitionValue) {
    String id() {
      return queryName + "|" + indexName + "|" + partitionValue;
    }
  }
}
