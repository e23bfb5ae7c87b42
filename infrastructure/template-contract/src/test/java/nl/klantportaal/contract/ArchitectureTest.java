package nl.klantportaal.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of docs/architecture.md, over the main classes of every function module
 * (this module depends on all of them), with ArchUnit:
 *
 * <ul>
 *   <li>domain, port and use-case packages are plain Java: no AWS SDK, Lambda, Jackson or
 *       Powertools types (SLF4J logging is allowed: it is an API, and core's JSON logging binds it);</li>
 *   <li>handlers are adapters of the request path: they touch no other adapter (DynamoDB, S3, SES,
 *       Cognito) directly;</li>
 *   <li>no package cycles, and no cycles between contexts;</li>
 *   <li>the monthly reports read the other contexts only through the read ports they publish, never
 *       their tables' items (their DynamoDB adapters).</li>
 * </ul>
 *
 * <p>Every rule holds without exceptions (no frozen violations).
 */
class ArchitectureTest {
  /** The root packages of the function modules (core and the contexts). */
  static final String[] FUNCTION_PACKAGES = {"nl.klantportaal.core", "nl.klantportaal.platform",
      "nl.klantportaal.identity", "nl.klantportaal.tickets", "nl.klantportaal.notifications", "nl.klantportaal.sla",
      "nl.klantportaal.ticketing", "nl.klantportaal.accounts", "nl.klantportaal.mail", "nl.klantportaal.billing",
      "nl.klantportaal.reports", "nl.klantportaal.inboundmail"};
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    // The function modules' main classes (from their jars in a full build); test helpers are not architecture.
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/testing/"))
        .importPackages(FUNCTION_PACKAGES);
  }

  @Test
  void domainPortAndUseCasePackagesArePlainJava() {
    ArchRule rule = noClasses().that().resideInAnyPackage("..domain..", "..port..", "..usecase..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
            "com.fasterxml..")
        .because("the domain, its ports and use cases are plain Java, unit-tested without AWS (house style 1)");
    rule.check(classes);
  }

  @Test
  void functionsReadAndWriteJsonWithoutDatabind() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..",
            "software.amazon.cloudwatchlogs.emf..")
        .because("databind's mapper, modules and introspection, and the EMF library that serialises with it, cost a "
            + "function's first invocation a quarter of a second; JSON goes through core's Json and JsonTree "
            + "(jackson-core's streaming parser), metrics through EmfMetrics")
        .check(classes);
  }

  @Test
  void handlersTouchNoAdapter() {
    noClasses().that().resideInAPackage("..handler..")
        .should().dependOnClassesThat().resideInAPackage("..adapter..")
        .because("handlers are thin: claims, body, use case, answer; wiring builds the adapters")
        .check(classes);
  }

  @Test
  void reportsReadOtherContextsThroughTheirPublishedPortsNeverTheirItems() {
    noClasses().that().resideInAPackage("nl.klantportaal.reports..")
        .should().dependOnClassesThat().resideInAnyPackage("nl.klantportaal.ticketing.adapter..",
            "nl.klantportaal.sla.adapter..", "nl.klantportaal.billing.adapter.dynamodb..",
            "nl.klantportaal.accounts.adapter..", "nl.klantportaal.notifications.adapter..")
        .because("a report reads tickets, SLA outcomes, hours and subscriptions through the ports those contexts publish "
            + "(TicketHistory, SlaOutcomes, MonthReadings), so their item shapes stay theirs to change")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("nl.klantportaal.(**)").should().beFreeOfCycles().as("no package cycles").check(classes);
  }

  @Test
  void noCyclesBetweenContextsOrModules() {
    slices().matching("nl.klantportaal.(*)..").should().beFreeOfCycles().as("no cycles between modules").check(classes);
    slices().matching("nl.klantportaal.core.(*)..").should().beFreeOfCycles()
        .as("no cycles between the areas of core").check(classes);
  }
}
