package nl.klantportaal.billing.domain.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.BillingSettings;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.Rate;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.RoundingRule;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

/** What a draft bills: time at the rates in force, subscriptions prorated by days, ordered bundles; hand-computed. */
class InvoiceDraftingTest {
  private static final TenantId ACME = new TenantId("acme");
  private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
  private static final Invoice.Supply NOVEMBER = new Invoice.Supply(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
  private static final BillingSettings RATES = new BillingSettings(RoundingRule.DEFAULT, false, List.of(
      new Rate(RegistrationType.AD_HOC_BILLABLE, LocalDate.of(2026, 1, 1), Money.euros("90.00")),
      new Rate(RegistrationType.AD_HOC_BILLABLE, LocalDate.of(2026, 11, 16), Money.euros("95.00"))),
      BillingSettings.Expiry.LAPSE, 1);

  @Test
  void timeIsOneLinePerRateInForceOnItsDateAndReversalsNetOut() {
    List<TimeEntry> time = List.of(line("2026-11-03.a", 60), line("2026-11-10.b", 30), line("2026-11-20.c", 45),
        line("2026-11-21.d", 60), reversal("2026-11-22.e", -60));
    List<InvoiceLine> lines = InvoiceDrafting.lines(NOVEMBER, time, RATES, List.of(), List.of(), VatRate.STANDARD, Language.NL);
    assertEquals(2, lines.size());
    assertEquals("135.00", lines.get(0).amount().toString(), "90 minutes at 90.00");
    assertEquals("1.50", lines.get(0).quantity().toPlainString());
    assertEquals("71.25", lines.get(1).amount().toString(), "45 net minutes at 95.00 (60 − 60 + 45)");
    assertEquals("Ad-Hoc Facturabel, 1-11-2026 t/m 30-11-2026", lines.get(0).description());
  }

  @Test
  void timeWithoutARateRefusesTheDraft() {
    var noRates = new BillingSettings(RoundingRule.DEFAULT, false, List.of(), BillingSettings.Expiry.LAPSE, 0);
    var e = assertThrows(DomainException.Conflict.class, () -> InvoiceDrafting.lines(NOVEMBER, List.of(line("2026-11-03.a", 60)),
        noRates, List.of(), List.of(), VatRate.STANDARD, Language.NL));
    assertTrue(e.getMessage().contains("2026-11-03"), e.getMessage());
    assertEquals(DomainException.Conflict.Kind.RATE_MISSING, e.kind(), "its own problem type (409 rate-missing), so the portal points to the rates");
  }

  @Test
  void aMonthlySubscriptionIsProratedByTheDaysItRunsInTheMonth() {
    // 12 × 20.60 = 247.20 a month; it starts on 11 November: 20 of 30 days = 164.80.
    var sub = subscription(Subscription.Period.MONTHLY, "2026-11-11", "2027-11-10", false, false, "20.60", 12);
    List<InvoiceLine> lines = InvoiceDrafting.charges(sub, NOVEMBER, List.of(), VatRate.STANDARD, Language.EN);
    assertEquals(1, lines.size());
    assertEquals("164.80", lines.get(0).amount().toString());
    assertEquals(new InvoiceLine.Source.SubscriptionCharge("s1", LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 30)),
        lines.get(0).source());
    assertTrue(lines.get(0).description().endsWith("(20/30 days)"), lines.get(0).description());
    assertTrue(lines.get(0).description().startsWith("Microsoft 365 Business Premium (per month), "), lines.get(0).description());
    assertEquals("12.00", lines.get(0).quantity().toPlainString());
    assertEquals(InvoiceLine.Unit.PIECE, lines.get(0).unit(), "twelve licences for the period the text names, not twelve months");

    var december = new Invoice.Supply(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
    assertEquals("247.20", InvoiceDrafting.charges(sub, december, List.of(), VatRate.STANDARD, Language.EN).get(0).amount().toString(),
        "a whole month is the period price exactly");
    assertEquals(List.of(), InvoiceDrafting.charges(sub, NOVEMBER, List.of(NOVEMBER), VatRate.STANDARD, Language.EN),
        "a stretch another invoice holds is not billed again");
    var cancelled = subscription(Subscription.Period.MONTHLY, "2026-11-11", "2027-11-10", false, true, "20.60", 12);
    assertEquals(List.of(), InvoiceDrafting.charges(cancelled, NOVEMBER, List.of(), VatRate.STANDARD, Language.EN));
  }

  @Test
  void aYearlySubscriptionIsBilledInAdvanceForTheYearThatBeginsAndProratedWhenItEndsWithin() {
    var march = new Invoice.Supply(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    var renewing = subscription(Subscription.Period.YEARLY, "2025-03-15", "2026-03-14", true, false, "1200.00", 1);
    assertEquals("1200.00", InvoiceDrafting.charges(renewing, march, List.of(), VatRate.STANDARD, Language.NL).get(0).amount()
        .toString(), "the renewed year that begins on 15 March, whole");
    assertEquals(InvoiceLine.Unit.PIECE, InvoiceDrafting.charges(renewing, march, List.of(), VatRate.STANDARD, Language.NL).get(0)
        .unit(), "one licence for the year the text names");
    // Ends 14 September: 15 March … 14 September is 184 of the year's 365 days: 1200 × 184 / 365 = 604.93.
    var ending = subscription(Subscription.Period.YEARLY, "2026-03-15", "2026-09-14", false, false, "1200.00", 1);
    assertEquals("604.93", InvoiceDrafting.charges(ending, march, List.of(), VatRate.STANDARD, Language.NL).get(0).amount().toString());
    assertEquals(List.of(), InvoiceDrafting.charges(ending, NOVEMBER, List.of(), VatRate.STANDARD, Language.NL),
        "no year of it begins in November");
  }

  @Test
  void anOrderedOrActiveBundleIsBilledAtItsPriceAndACancelledOneNot() {
    var ordered = bundle("b1", HourBundle.State.PENDING);
    var active = bundle("b2", HourBundle.State.ACTIVE); // activated once agreed, before its invoice
    var cancelled = bundle("b3", HourBundle.State.CANCELLED);
    List<InvoiceLine> lines = InvoiceDrafting.lines(NOVEMBER, List.of(), RATES, List.of(), List.of(ordered, active, cancelled),
        VatRate.STANDARD, Language.DE);
    assertEquals(2, lines.size());
    assertEquals("1800.00", lines.get(0).amount().toString());
    assertEquals(List.of(new InvoiceLine.Source.Bundle("b1"), new InvoiceLine.Source.Bundle("b2")),
        lines.stream().map(InvoiceLine::source).toList());
    assertTrue(lines.get(0).description().startsWith("Stundenkontingent 20 Std."), lines.get(0).description());
  }

  @Test
  void aDraftFinalisesOnlyWhenCompleteNotEmptyAndWithAVatIdWhereVatIsReverseCharged() {
    var line = InvoiceLine.of("Beheer", java.math.BigDecimal.ONE, InvoiceLine.Unit.MONTH, Amount.euros("400.00"),
        VatRate.REVERSE_CHARGE, new InvoiceLine.Source.Manual());
    var billTo = new BillTo("Acme GmbH", List.of("Köln"), Optional.empty());
    var number = new InvoiceNumber(2026, 7);
    LocalDate today = LocalDate.of(2026, 12, 1);
    assertThrows(DomainException.Conflict.class, () -> draft(List.of(), true).finalise(number, today, 14, billTo), "empty");
    assertThrows(DomainException.Conflict.class, () -> draft(List.of(line), false).finalise(number, today, 14, billTo), "incomplete");
    assertThrows(DomainException.Conflict.class, () -> draft(List.of(line), true).finalise(number, today, 14, billTo), "no VAT ID");
    Invoice fin = draft(List.of(line), true).finalise(number, today, 14,
        new BillTo("Acme GmbH", List.of("Köln"), Optional.of("DE123456789")));
    assertEquals(InvoiceState.OPEN, fin.state());
    assertEquals(LocalDate.of(2026, 12, 15), fin.dueDate().orElseThrow());
    assertThrows(DomainException.Conflict.class, () -> fin.finalise(number, today, 14, billTo), "already final");
    assertThrows(DomainException.Conflict.class, () -> fin.pay(InvoiceState.COLLECTION_FAILED), "open cannot fail a collection");
    Invoice collected = fin.pay(InvoiceState.IN_COLLECTION);
    assertEquals(InvoiceState.COLLECTION_FAILED, collected.pay(InvoiceState.COLLECTION_FAILED).state());
    assertEquals(InvoiceState.PAID, collected.pay(InvoiceState.PAID).state());
    assertThrows(DomainException.Conflict.class, () -> collected.pay(InvoiceState.PAID).pay(InvoiceState.IN_COLLECTION));
    assertTrue(fin.overdueOn(LocalDate.of(2026, 12, 16)));
    assertTrue(!fin.overdueOn(LocalDate.of(2026, 12, 15)), "due on the 15th: overdue from the 16th");
  }

  @Test
  void aCreditInvoiceIsSettledAgainstAnUnpaidInvoiceAndToBeRefundedForAPaidOne() {
    var line = InvoiceLine.of("Beheer", java.math.BigDecimal.ONE, InvoiceLine.Unit.MONTH, Amount.euros("400.00"),
        VatRate.STANDARD, new InvoiceLine.Source.Manual());
    LocalDate today = LocalDate.of(2026, 12, 1);
    Invoice open = draft(List.of(line), true).finalise(new InvoiceNumber(2026, 7), today, 14,
        new BillTo("Acme BV", List.of("Utrecht"), Optional.empty()));
    var next = new InvoiceNumber(2026, 8);
    for (InvoiceState unpaid : List.of(InvoiceState.OPEN, InvoiceState.OVERDUE, InvoiceState.COLLECTION_FAILED)) {
      Invoice credit = open.withState(unpaid).creditInvoice("c1", next, today.plusDays(20), AT);
      assertEquals(InvoiceState.PAID, credit.state(), "nothing was paid, so nothing is owed back: " + unpaid);
      assertEquals("-484.00", credit.totals().total().toString());
      assertEquals(List.of("Verrekend", "Settled", "Verrechnet"), labels(credit));
      assertTrue(!credit.overdueOn(today.plusYears(1)), "a credit invoice is never overdue");
    }
    for (InvoiceState paid : List.of(InvoiceState.PAID, InvoiceState.IN_COLLECTION)) {
      Invoice credit = open.withState(paid).creditInvoice("c1", next, today.plusDays(20), AT);
      assertEquals(InvoiceState.OPEN, credit.state(), "the customer paid (or was debited): the provider pays back, " + paid);
      assertEquals(List.of("Terug te betalen", "To be refunded", "Zu erstatten"), labels(credit));
      assertEquals(List.of("Verrekend", "Settled", "Verrechnet"), labels(credit.pay(InvoiceState.PAID)), "paid back");
      assertThrows(DomainException.Conflict.class, () -> credit.pay(InvoiceState.IN_COLLECTION), "only settled");
    }
    assertEquals(List.of("Openstaand", "Open", "Offen"), labels(open), "an invoice's own labels are the state's");
    assertThrows(DomainException.Conflict.class, () -> open.credited(new Invoice.Reference("c1", next)).creditInvoice("c2", next, today, AT),
        "a credited invoice is not credited twice");
  }

  private static List<String> labels(Invoice invoice) {
    return List.of(invoice.stateLabel().in(Language.NL), invoice.stateLabel().in(Language.EN), invoice.stateLabel().in(Language.DE));
  }

  private static Invoice draft(List<InvoiceLine> lines, boolean complete) {
    return new Invoice("i1", ACME, Invoice.Kind.INVOICE, NOVEMBER, lines, InvoiceState.DRAFT, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Language.DE, Optional.empty(), Optional.empty(), 0, complete, AT, 0);
  }

  private static TimeEntry line(String registrationId, int minutes) {
    return new TimeEntry(registrationId, 1, ACME, LocalDate.parse(registrationId.substring(0, 10)), minutes, minutes,
        RegistrationType.AD_HOC_BILLABLE, new InvoiceStatus.ToInvoice(), false, new UserId("agent"), "Agent", "Werk", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), AT);
  }

  private static TimeEntry reversal(String registrationId, int minutes) {
    return new TimeEntry(registrationId, 1, ACME, LocalDate.parse(registrationId.substring(0, 10)), minutes, -minutes,
        RegistrationType.AD_HOC_BILLABLE, new InvoiceStatus.ToInvoice(), false, new UserId("agent"), "Agent", "Werk", Optional.empty(),
        Optional.empty(), Optional.of("2026-11-21.d.1"), Optional.empty(), AT);
  }

  private static Subscription subscription(Subscription.Period period, String start, String end, boolean renews, boolean cancelled,
      String price, int quantity) {
    return new Subscription("s1", ACME, "Microsoft 365 Business Premium", quantity, Money.euros(price), period, LocalDate.parse(start),
        LocalDate.parse(end), renews, cancelled, AT, 1);
  }

  private static HourBundle bundle(String id, HourBundle.State state) {
    return new HourBundle(id, ACME, 20 * 60, 20 * 60, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), Money.euros("1800.00"),
        state, Optional.empty(), AT, 1, HourBundle.Carry.NONE);
  }
}
