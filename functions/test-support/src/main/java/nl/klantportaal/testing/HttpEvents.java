package nl.klantportaal.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reading handler answers, and the one kind of change tests make to a fixture: values only known at
 * run time (a cursor from a previous page, an id the portal generated).
 */
public final class HttpEvents {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HttpEvents() {}

  public static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String problemType(APIGatewayV2HTTPResponse response) {
    String type = json(response).path("type").asText();
    return type.substring(type.lastIndexOf(':') + 1);
  }

  /** A 200 answer's JSON body; any other status fails with the body in the message. */
  public static JsonNode ok(APIGatewayV2HTTPResponse response) {
    org.junit.jupiter.api.Assertions.assertEquals(200, response.getStatusCode(), response.getBody());
    return json(response);
  }

  /**
   * An RFC 9457 refusal: the status, {@code application/problem+json}, the problem type's last
   * segment, and no exception text leaking into the body.
   */
  public static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
    org.junit.jupiter.api.Assertions.assertEquals(status, response.getStatusCode(), response.getBody());
    org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", response.getHeaders().get("content-type"));
    org.junit.jupiter.api.Assertions.assertEquals(type, problemType(response), response.getBody());
    org.junit.jupiter.api.Assertions.assertFalse(response.getBody().contains("Exception"), response.getBody());
  }

  public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> query = new HashMap<>(event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters());
    query.put(name, value);
    event.setQueryStringParameters(query);
    return event;
  }

  /**
   * The fixture's JSON body with {@code version} set to the one a client read, or left out ({@code null}), and then
   * {@code more} changes: an optimistic-locking change's versions are only known at run time.
   */
  public static APIGatewayV2HTTPEvent withVersion(APIGatewayV2HTTPEvent event, Long version, Consumer<ObjectNode> more) {
    ObjectNode body;
    try {
      body = (ObjectNode) MAPPER.readTree(event.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (version == null) {
      body.remove("version");
    } else {
      body.put("version", version);
    }
    more.accept(body);
    event.setBody(body.toString());
    return event;
  }

  public static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> path = new HashMap<>(event.getPathParameters() == null ? Map.of() : event.getPathParameters());
    path.put(name, value);
    event.setPathParameters(path);
    return event;
  }
}
