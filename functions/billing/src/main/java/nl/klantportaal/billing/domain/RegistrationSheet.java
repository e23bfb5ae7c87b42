package nl.klantportaal.billing.domain;

import java.util.List;

/**
 * The content of an export of time registrations, in the reader's language: what the PDF and the
 * spreadsheet show, line for line and with the same totals as the API's list. Never an internal note.
 */
public record RegistrationSheet(
    String title,
    String subtitle,
    List<String> headers,
    List<Row> rows,
    List<Total> totals,
    String generatedLine) {

  /**
   * One registration line: its day (a date cell in the spreadsheet) and that day as the reader's language writes it
   * (the PDF); {@code minutes} is signed (a reversal is negative), {@code hours} its h:mm text.
   */
  public record Row(java.time.LocalDate day, String date, int minutes, String hours, String type, String invoiceStatus,
                    String agent, String description, String ticket) {}

  /** A totals line: a label and its value as text ({@code minutes} when it is a number of minutes, else empty). */
  public record Total(String label, String value, java.util.Optional<Integer> minutes) {}

  public RegistrationSheet {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
    totals = List.copyOf(totals);
  }

  /** {@code 90 → "1:30"}, {@code -15 → "-0:15"}. */
  public static String hours(int minutes) {
    int abs = Math.abs(minutes);
    return (minutes < 0 ? "-" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
  }
}
