package nl.klantportaal.billing.domain.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import nl.klantportaal.billing.domain.RegistrationType;
import org.junit.jupiter.api.Test;

/** Line amounts, VAT per rate and totals against hand-computed examples, rounding included (docs/billing.md). */
class InvoiceTotalsTest {
  private static final InvoiceLine.Source MANUAL = new InvoiceLine.Source.Manual();

  @Test
  void aMixedInvoiceAddsUpPerRateAsComputedByHand() {
    // 95.00/h × 150 min = 237.50; 3 × 12.50 = 37.50; 12 × 20.60 for 20 of 30 days = 164.80 (all 21 %); a 9 % book of 25.00.
    var time = InvoiceLine.time("Ad-Hoc Facturabel", 150, Amount.euros("95.00"), VatRate.STANDARD,
        new InvoiceLine.Source.Time(RegistrationType.AD_HOC_BILLABLE, 150));
    var parts = InvoiceLine.of("Muizen", new BigDecimal("3"), InvoiceLine.Unit.PIECE, Amount.euros("12.50"), VatRate.STANDARD, MANUAL);
    var month = InvoiceLine.prorated("M365", new BigDecimal("12"), InvoiceLine.Unit.MONTH, Amount.euros("20.60"), VatRate.STANDARD,
        20, 30, MANUAL);
    var book = InvoiceLine.of("Boek", BigDecimal.ONE, InvoiceLine.Unit.PIECE, Amount.euros("25.00"), VatRate.REDUCED, MANUAL);
    assertEquals("237.50", time.amount().toString());
    assertEquals("2.50", time.quantity().toPlainString(), "150 minutes are 2.50 hours");
    assertEquals("164.80", month.amount().toString());

    InvoiceTotals totals = InvoiceTotals.of(List.of(time, parts, month, book));
    assertEquals(2, totals.perRate().size());
    assertEquals(new InvoiceTotals.PerRate(VatRate.STANDARD, Amount.euros("439.80"), Amount.euros("92.36")), totals.perRate().get(0),
        "439.80 × 21 % = 92.358, half-up 92.36");
    assertEquals(new InvoiceTotals.PerRate(VatRate.REDUCED, Amount.euros("25.00"), Amount.euros("2.25")), totals.perRate().get(1));
    assertEquals("464.80", totals.net().toString());
    assertEquals("94.61", totals.vat().toString());
    assertEquals("559.41", totals.total().toString());
  }

  @Test
  void timeIsPricedFromItsExactMinutesAndRoundedHalfUpOnce() {
    assertEquals("11.08", timeAt("95.00", 7).amount().toString(), "95 × 7 / 60 = 11.0833");
    assertEquals("15.83", timeAt("95.00", 10).amount().toString(), "95 × 10 / 60 = 15.8333");
    assertEquals("0.03", timeAt("0.15", 10).amount().toString(), "0.025 rounds half-up, not to even");
    assertEquals("0.12", timeAt("95.00", 7).quantity().toPlainString(), "7 minutes show as 0.12 hours");
  }

  @Test
  void vatIsRoundedOncePerRateNotPerLine() {
    // Three lines of 0.50: per line 0.105 would round to 0.11 each (0.33); per rate 1.50 × 21 % = 0.315 → 0.32.
    var line = InvoiceLine.of("Kabel", BigDecimal.ONE, InvoiceLine.Unit.PIECE, Amount.euros("0.50"), VatRate.STANDARD, MANUAL);
    InvoiceTotals totals = InvoiceTotals.of(List.of(line, line, line));
    assertEquals("0.32", totals.vat().toString());
    assertEquals("1.82", totals.total().toString());
    assertEquals("0.11", InvoiceTotals.of(List.of(line)).vat().toString(), "0.105 half-up");
  }

  @Test
  void reverseChargedAndExemptLinesCarryNoVatAndSaySo() {
    var service = InvoiceLine.of("Beheer", BigDecimal.ONE, InvoiceLine.Unit.MONTH, Amount.euros("400.00"), VatRate.REVERSE_CHARGE, MANUAL);
    InvoiceTotals totals = InvoiceTotals.of(List.of(service));
    assertTrue(totals.reverseCharged());
    assertEquals("0.00", totals.vat().toString());
    assertEquals("400.00", totals.total().toString());
  }

  @Test
  void aCreditInvoiceNegatesEveryAmount() {
    var line = InvoiceLine.of("Beheer", new BigDecimal("2"), InvoiceLine.Unit.MONTH, Amount.euros("100.00"), VatRate.STANDARD, MANUAL);
    InvoiceTotals credit = InvoiceTotals.of(List.of(line.negated()));
    assertEquals("-200.00", credit.net().toString());
    assertEquals("-42.00", credit.vat().toString());
    assertEquals("-242.00", credit.total().toString());
  }

  @Test
  void amountsAreExactToTheCent() {
    assertThrows(IllegalArgumentException.class, () -> Amount.euros("1.005"));
    assertThrows(IllegalArgumentException.class, () -> InvoiceLine.prorated("x", BigDecimal.ONE, InvoiceLine.Unit.MONTH,
        Amount.euros("1.00"), VatRate.STANDARD, 31, 30, MANUAL));
    assertEquals("2026-00042", new InvoiceNumber(2026, 42).toString());
    assertEquals(new InvoiceNumber(2026, 42), InvoiceNumber.parse("2026-00042"));
  }

  private static InvoiceLine timeAt(String hourly, int minutes) {
    return InvoiceLine.time("t", minutes, Amount.euros(hourly), VatRate.STANDARD,
        new InvoiceLine.Source.Time(RegistrationType.AD_HOC_BILLABLE, minutes));
  }
}
