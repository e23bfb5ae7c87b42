package nl.klantportaal.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

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

  public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> query = new HashMap<>(event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters());
    query.put(name, value);
    event.setQueryStringParameters(query);
    return event;
  }

  public static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> path = new HashMap<>(event.getPathParameters() == null ? Map.of() : event.getPathParameters());
    path.put(name, value);
    event.setPathParameters(path);
    return event;
  }
}
