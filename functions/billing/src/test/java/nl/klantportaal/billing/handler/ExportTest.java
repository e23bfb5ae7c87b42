package nl.klantportaal.billing.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.RegistrationSheet;
import nl.klantportaal.billing.domain.invoice.InvoiceTexts;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exports, read back by real readers (PDFBox, fastexcel-reader): the filtered list and the API's totals, no internal note. */
class ExportTest {
  private KernelWiring wiring;
  private BillingHandler handler;

  @BeforeEach
  void registrations() {
    wiring = BillingFixtures.freshWiring();
    handler = new BillingHandler(wiring);
    assertEquals(200, call("put-billing-settings.json").getStatusCode());
    assertEquals(201, call("register-time.json").getStatusCode());
    assertEquals(201, call("register-time.json").getStatusCode());
    assertEquals(201, call("register-time-ad-hoc-service.json").getStatusCode());
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return handler.handleRequest(Lambda.httpEvent("billing/billing/" + fixture), Lambda.context("billing"));
  }

  private static byte[] file(APIGatewayV2HTTPResponse response, String contentType, String fileName) {
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals(contentType, response.getHeaders().get("content-type"));
    assertEquals("attachment; filename=\"" + fileName + "\"", response.getHeaders().get("content-disposition"));
    assertTrue(response.getIsBase64Encoded());
    return Base64.getDecoder().decode(response.getBody());
  }

  @Test
  void thePdfHoldsEveryLineAndTheApisTotalsButNoInternalNote() throws Exception {
    JsonNode api = HttpEvents.ok(call("get-own-registrations.json"));
    byte[] pdf = file(call("export-own-pdf.json"), "application/pdf", "urenregistraties-2026-11-01-2026-11-30.pdf");
    String text;
    try (var document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
    }
    assertTrue(text.contains("Urenregistraties"), text);
    assertTrue(text.contains("Printer op de 2e verdieping opnieuw geïnstalleerd"), text);
    assertTrue(text.contains("Korte vraag over de VPN beantwoord"), text);
    assertTrue(text.contains("Totaal " + RegistrationSheet.hours(api.get("totals").get("minutes").asInt())), text);
    String value = InvoiceTexts.euros(new BigDecimal(api.get("totals").get("billableValue").asText()), Language.NL);
    assertTrue(text.contains(value.replace('\u00a0', ' ')), "the value as Dutch writes euros: " + value + " in " + text);
    LocalDate day = LocalDate.parse(api.get("entries").get(0).get("date").asText());
    assertTrue(text.contains(InvoiceTexts.date(day, Language.NL)), "a day as Dutch writes it, not " + day + ": " + text);
    assertFalse(text.contains(day.toString()), text);
    assertTrue(text.contains("1-11-2026 t/m 30-11-2026"), text);
    assertTrue(text.matches("(?s).*Gemaakt op \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} CET.*"), "when, with its time zone: " + text);
    assertFalse(text.contains("Driver v3.2"), "internal notes never appear");
    assertEquals(2, text.split("Printer op de 2e verdieping", -1).length - 1);
  }

  @Test
  void theSpreadsheetSumsToTheApisTotalsAndKeepsTheFilter() throws Exception {
    JsonNode api = HttpEvents.ok(call("get-own-registrations.json"));
    byte[] xlsx = file(call("export-own-xlsx.json"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "urenregistraties-2026-11-01-2026-11-30.xlsx");
    List<Row> rows = rows(xlsx);
    List<Row> lines = rows.stream().filter(ExportTest::isRegistration).toList();
    assertEquals(api.get("entries").size(), lines.size());
    assertEquals(LocalDate.parse(api.get("entries").get(0).get("date").asText()),
        lines.getFirst().getCellAsDate(0).orElseThrow().toLocalDate(), "a day is a date cell, sortable and filterable as one");
    int sum = lines.stream().mapToInt(r -> r.getCellAsNumber(7).orElseThrow().intValue()).sum();
    assertEquals(api.get("totals").get("minutes").asInt(), sum);
    Row total = rows.stream().filter(r -> "Totaal".equals(r.getCellText(0))).findFirst().orElseThrow();
    assertEquals(sum, total.getCellAsNumber(7).orElseThrow().intValue());
    assertTrue(rows.stream().noneMatch(r -> r.toString().contains("Driver v3.2")), "internal notes never appear");

    JsonNode filtered = HttpEvents.ok(call("get-own-registrations-ad-hoc.json"));
    List<Row> staffRows = rows(file(call("export-customer-xlsx.json"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "urenregistraties-2026-11-01-2026-11-30.xlsx"));
    long staffLines = staffRows.stream().filter(ExportTest::isRegistration).count();
    assertEquals(filtered.get("entries").size(), staffLines, "the staff export keeps the type filter");
    assertTrue(staffRows.stream().noneMatch(r -> r.toString().contains("Driver v3.2")), "not even for staff");
  }

  @Test
  void theFileIsNamedInTheCallersLanguage() {
    String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    file(in("export-own-pdf.json", "en-GB,en;q=0.9"), "application/pdf", "time-registrations-2026-11-01-2026-11-30.pdf");
    file(in("export-own-xlsx.json", "en"), xlsx, "time-registrations-2026-11-01-2026-11-30.xlsx");
    file(in("export-own-pdf.json", "de-DE,de;q=0.9"), "application/pdf", "Zeiterfassung-2026-11-01-2026-11-30.pdf");
    file(in("export-customer-xlsx.json", "de"), xlsx, "Zeiterfassung-2026-11-01-2026-11-30.xlsx");
    file(in("export-customer-xlsx.json", "nl"), xlsx, "urenregistraties-2026-11-01-2026-11-30.xlsx");
  }

  private APIGatewayV2HTTPResponse in(String fixture, String acceptLanguage) {
    var event = Lambda.httpEvent("billing/billing/" + fixture);
    event.getHeaders().put("accept-language", acceptLanguage);
    return handler.handleRequest(event, Lambda.context("billing"));
  }

  @Test
  void anUnknownFormatIsAFieldError() {
    assertProblem(call("export-own-bad-format.json"), 400, "validation-failed");
  }

  /** A registration's row: its first cell is its day, a date (a number in the sheet). */
  private static boolean isRegistration(Row row) {
    return row.getRowNum() >= 5 && row.getCellCount() >= 8 && row.getCell(0) != null && row.getCell(0).getType() == CellType.NUMBER;
  }

  private static List<Row> rows(byte[] xlsx) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      Optional.of(workbook.getFirstSheet()).orElseThrow().openStream().forEach(rows::add);
    }
    return rows;
  }
}
