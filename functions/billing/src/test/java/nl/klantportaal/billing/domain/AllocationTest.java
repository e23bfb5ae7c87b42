package nl.klantportaal.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final LocalDate WORKED = LocalDate.parse("2026-11-20");

  @Test
  void bundleTimeComesFromTheBundleThatEndsFirstThenTheNext() {
    var later = Bundles.active("b-later", 600, 600, "2026-01-01", "2027-06-30");
    var sooner = Bundles.active("b-sooner", 120, 45, "2026-01-01", "2026-12-31");
    Allocation a = Allocation.plan(RegistrationType.BUNDLE, 60, WORKED, List.of(later, sooner));
    assertEquals(2, a.parts().size());
    assertEquals(Optional.of("b-sooner"), a.parts().get(0).bundleId());
    assertEquals(45, a.parts().get(0).minutes());
    assertEquals(Optional.of("b-later"), a.parts().get(1).bundleId());
    assertEquals(15, a.parts().get(1).minutes());
    assertEquals(new InvoiceStatus.InBundle("b-later"), a.parts().get(1).status());
    assertEquals(0, a.overflowMinutes());
  }

  @Test
  void whatNoBundleCoversBecomesAdHocBillableOverflowToBeInvoiced() {
    var small = Bundles.active("b-small", 60, 20, "2026-01-01", "2026-12-31");
    Allocation a = Allocation.plan(RegistrationType.BUNDLE, 90, WORKED, List.of(small));
    assertEquals(20, a.minutesFrom("b-small"));
    Allocation.Part overflow = a.parts().get(1);
    assertTrue(overflow.overflow());
    assertEquals(70, overflow.minutes());
    assertEquals(RegistrationType.AD_HOC_BILLABLE, overflow.type());
    assertEquals(new InvoiceStatus.ToInvoice(), overflow.status());
    assertEquals(90, a.minutes());
  }

  @Test
  void pendingExpiredNotYetValidAndEmptyBundlesCoverNothing() {
    var pending = Bundles.pending("b-pending", 600, "2026-01-01", "2027-01-01");
    var expired = Bundles.active("b-expired", 600, 600, "2025-01-01", "2026-11-19");
    var future = Bundles.active("b-future", 600, 600, "2026-11-21", "2027-01-01");
    var empty = Bundles.active("b-empty", 600, 0, "2026-01-01", "2027-01-01");
    Allocation a = Allocation.plan(RegistrationType.BUNDLE, 30, WORKED, List.of(pending, expired, future, empty));
    assertEquals(1, a.parts().size());
    assertTrue(a.parts().getFirst().overflow());
  }

  @Test
  void adHocTimeNeverTouchesABundle() {
    var bundle = Bundles.active("b", 600, 600, "2026-01-01", "2027-01-01");
    assertEquals(new InvoiceStatus.Service(),
        Allocation.plan(RegistrationType.AD_HOC_SERVICE, 30, WORKED, List.of(bundle)).parts().getFirst().status());
    Allocation billable = Allocation.plan(RegistrationType.AD_HOC_BILLABLE, 30, WORKED, List.of(bundle));
    assertEquals(new InvoiceStatus.ToInvoice(), billable.parts().getFirst().status());
    assertEquals(false, billable.parts().getFirst().overflow());
  }
}
