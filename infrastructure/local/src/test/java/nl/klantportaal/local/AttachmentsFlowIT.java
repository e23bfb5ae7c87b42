package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attachments end to end on the local cloud of the real template.yaml: demo users signed in with
 * cognito-local tokens through the gateway, AttachmentsFunction with the template's environment
 * (ATTACHMENTS_BUCKET, the s3proxy endpoint), uploads and downloads over HTTP against s3proxy with
 * the presigned URLs the function made.
 */
class AttachmentsFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();


  @Test
  void aCustomerAttachesAPdfThatColleaguesOfAnotherCustomerCannotFetch() throws Exception {
    String jan = DEMO.signIn().demo("jan@acme.example.test");
    HttpResponse<String> created = DEMO.gateway().send(DEMO.gateway().request("/tickets", jan)
        .header("idempotency-key", UUID.randomUUID().toString())
        .POST(body("{\"type\":\"incident\",\"category\":\"email\",\"title\":\"Scanner\",\"description\":\"Zie bijlage\"}")));
    assertEquals(201, created.statusCode(), created.body());
    String ticket = JSON.readTree(created.body()).path("id").asText();

    byte[] pdf = Arrays.copyOf("%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1), 1500);
    HttpResponse<String> announced = DEMO.gateway().send(DEMO.gateway().request("/tickets/" + ticket + "/attachments", jan)
        .POST(body("{\"fileName\":\"scan van de storing.pdf\",\"contentType\":\"application/pdf\",\"size\":1500}")));
    assertEquals(201, announced.statusCode(), announced.body());
    JsonNode offer = JSON.readTree(announced.body());
    URI uploadUrl = URI.create(offer.at("/upload/url").asText());
    assertEquals(DEMO.cloud().endpoints().s3().getPort(), uploadUrl.getPort(), "presigned for the local cloud's s3proxy");
    assertTrue(uploadUrl.getPath().startsWith("/local-attachmentsbucket/quarantine/"), uploadUrl.toString());

    String origin = DEMO.cloud().endpoints().gateway().toString().replaceAll("/+$", "");
    HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(uploadUrl).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("origin", origin).header("access-control-request-method", "PUT")
        .header("access-control-request-headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, preflight.statusCode(), "a browser on the portal's origin may PUT: " + preflight.headers());
    assertEquals(origin, preflight.headers().firstValue("access-control-allow-origin").orElse(""));

    HttpRequest.Builder put = HttpRequest.newBuilder(uploadUrl).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
    offer.at("/upload/headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
    assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());

    String id = offer.path("uploadId").asText();
    HttpResponse<String> confirmed = DEMO.gateway().send(DEMO.gateway().request("/tickets/" + ticket + "/attachments/" + id + "/confirm", jan)
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(201, confirmed.statusCode(), confirmed.body());

    HttpResponse<String> detail = DEMO.gateway().get("/tickets/" + ticket, jan);
    assertEquals(id, JSON.readTree(detail.body()).at("/attachments/0/id").asText(), detail.body());

    HttpResponse<String> link = DEMO.gateway().get("/tickets/" + ticket + "/attachments/" + id, jan);
    assertEquals(200, link.statusCode(), link.body());
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(JSON.readTree(link.body()).at("/download/url")
        .asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertArrayEquals(pdf, file.body());
    assertTrue(file.headers().firstValue("content-disposition").orElse("").startsWith("attachment;"), file.headers().toString());

    String wendy = DEMO.signIn().demo("winkel@bakkerij.example.test");
    assertEquals(404, DEMO.gateway().get("/tickets/" + ticket + "/attachments/" + id, wendy).statusCode());

    // Its uploader removes it while the ticket is open: the link is gone with it
    HttpResponse<String> removed = DEMO.gateway().send(DEMO.gateway().request("/tickets/" + ticket + "/attachments/" + id, jan).DELETE());
    assertEquals(204, removed.statusCode(), removed.body());
    assertEquals(404, DEMO.gateway().get("/tickets/" + ticket + "/attachments/" + id, jan).statusCode());
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }
}
