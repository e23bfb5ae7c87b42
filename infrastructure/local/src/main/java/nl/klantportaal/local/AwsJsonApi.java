package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An AWS JSON 1.1 service spoken to directly, so that the template's properties (which carry the
 * API's own field names) go to the emulator as they are, without a mapping per field.
 */
final class AwsJsonApi {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The service answered with an error such as {@code ResourceNotFoundException}. */
  static final class ApiError extends RuntimeException {
    private final String type;

    ApiError(String type, String message) {
      super(type + ": " + message);
      this.type = type;
    }

    String type() {
      return type;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String targetPrefix;

  AwsJsonApi(URI endpoint, String targetPrefix) {
    this.endpoint = endpoint;
    this.targetPrefix = targetPrefix;
  }

  JsonNode call(String operation, Map<String, ?> body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-amz-json-1.1")
          .header("X-Amz-Target", targetPrefix + "." + operation)
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode answer = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
      if (response.statusCode() >= 300) {
        String type = answer.path("__type").asText(answer.path("code").asText("HTTP " + response.statusCode()));
        throw new ApiError(type.substring(type.indexOf('#') + 1), answer.path("message").asText(""));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " on " + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(operation + " interrupted", e);
    }
  }
}
