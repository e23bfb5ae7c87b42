package nl.klantportaal.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.klantportaal.identity.adapter.cognito.CognitoIdentityProvider;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.port.IdentityProvider;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.port.TicketRepository.Filter;
import nl.klantportaal.ticketing.port.TicketRepository.Sort;
import nl.klantportaal.ticketing.port.TicketRepository.TicketQuery;
import nl.klantportaal.ticketing.usecase.ChangeTicketStatus;
import nl.klantportaal.ticketing.usecase.CreateTicket;
import nl.klantportaal.ticketing.usecase.NewTicketInput;
import nl.klantportaal.ticketing.usecase.RateTicket;
import nl.klantportaal.ticketing.usecase.ReplyToTicket;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.billing.usecase.BundleInput;
import nl.klantportaal.billing.usecase.RegistrationInput;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.usecase.SubscriptionInput;
import nl.klantportaal.billing.usecase.invoice.InvoiceInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.billing.wiring.InvoiceWiring;
import nl.klantportaal.mail.wiring.MailWiring;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Demo accounts for the real portal, created idempotently through the same paths production uses
 * (Cognito admin calls, the portal's repositories, a real TOTP enrolment): a provider admin, an
 * agent, and two customers with an admin and a user each, all enrolled. Their passwords and TOTP
 * secrets are kept in {@code .local/demo-accounts.properties} and printed on the console. Then a
 * few demo tickets per customer, raised and worked through the tickets use cases as the API would
 * (an open incident with a conversation and an internal note, a resolved one waiting for the
 * customer's acceptance, a service request waiting for the customer admin's approval), only for a
 * customer that has no tickets yet.
 */
final class DemoData {
  static final String PASSWORD = "Demo-Klantportaal-2026!";
  private static final Instant AT = Instant.parse("2026-01-05T08:30:00Z");

  private record Account(String email, String first, String last, Membership membership) {}

  private static final TenantId ACME = new TenantId("demo-acme");
  private static final TenantId BAKKERIJ = new TenantId("demo-bakkerij");
  private static final List<Account> ACCOUNTS = List.of(
      new Account("beheer@provider.example.test", "Petra", "Beheer", new Membership.ProviderStaff(Role.PROVIDER_ADMIN)),
      new Account("servicedesk@provider.example.test", "Sem", "Servicedesk", new Membership.ProviderStaff(Role.PROVIDER_AGENT)),
      new Account("it@acme.example.test", "Ilse", "Timmer", new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN)),
      new Account("jan@acme.example.test", "Jan", "Jansen", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER)),
      new Account("eigenaar@bakkerij.example.test", "Bram", "Bakker", new Membership.CustomerMember(BAKKERIJ, Role.CUSTOMER_ADMIN)),
      new Account("winkel@bakkerij.example.test", "Wendy", "Winkel", new Membership.CustomerMember(BAKKERIJ, Role.CUSTOMER_USER)));

  private DemoData() {}

  /** Seeds when the template is the portal's (it has the users function); answers the console lines. */
  static Optional<String> seed(LocalCloud cloud) {
    var auth = cloud.functions().invoker("AuthFunction");
    return cloud.functions().invoker("UsersFunction").filter(users -> auth.isPresent()).map(users -> {
      Map<String, String> env = new java.util.HashMap<>(users.function().environment());
      env.putAll(auth.orElseThrow().function().environment());
      KernelWiring wiring = new KernelWiring(Config.fromEnvironment(env), Clock.systemUTC());
      customers(wiring);
      Path file = secretsFile(cloud.state().root());
      Properties secrets = load(file);
      Map<String, UserId> ids = new java.util.HashMap<>();
      try (CognitoIdentityProviderClient cognito = AwsClients.cognito(cloud.endpoints().cognito())) {
        IdentityProvider provider = new CognitoIdentityProvider(cognito, env.get("USER_POOL_CLIENT_ID"),
            env.get("USER_POOL_CLIENT_SECRET"));
        for (Account account : ACCOUNTS) {
          boolean exists = exists(cognito, env.get("USER_POOL_ID"), account.email());
          if (exists && !secrets.containsKey(account.email())) {
            throw new StartFailure("Demo account " + account.email() + " exists without its TOTP secret in " + file
                + " (an interrupted earlier start); start again with --fresh.");
          }
          if (!exists) {
            secrets.setProperty(account.email(), enrol(cognito, provider, wiring, env.get("USER_POOL_ID"), account));
            store(file, secrets);
          }
          ids.put(account.email(), sub(cognito, env.get("USER_POOL_ID"), account.email()));
        }
      }
      List<String> seeded = cloud.functions().invoker("TicketsFunction")
          .map(tickets -> tickets(new KernelWiring(Config.fromEnvironment(tickets.function().environment()), Clock.systemUTC()),
              ids))
          .orElse(List.of());
      List<String> earlier = cloud.functions().invoker("TicketsFunction")
          .map(tickets -> lastMonthsTickets(Config.fromEnvironment(tickets.function().environment()), ids))
          .orElse(List.of());
      String hours = cloud.functions().invoker("BillingFunction")
          .map(billing -> hours(new KernelWiring(Config.fromEnvironment(billing.function().environment()), Clock.systemUTC()), ids))
          .orElse("");
      String invoices = cloud.functions().invoker("InvoicesFunction")
          .map(f -> invoices(new KernelWiring(Config.fromEnvironment(f.function().environment()), Clock.systemUTC()), ids))
          .orElse("");
      String notices = cloud.functions().invoker("NoticesFunction")
          .map(f -> DemoNotices.seed(Config.fromEnvironment(f.function().environment()),
              caller(ids, "servicedesk@provider.example.test"), ACME))
          .orElse("");
      String reports = reports(cloud);
      String knowledge = cloud.functions().invoker("KnowledgeFunction")
          .map(f -> DemoKnowledge.seed(new KernelWiring(Config.fromEnvironment(f.function().environment()), Clock.systemUTC()),
              caller(ids, "beheer@provider.example.test"), caller(ids, "servicedesk@provider.example.test")))
          .orElse("");
      return console(secrets) + (seeded.isEmpty() ? "" : "  Demo tickets: " + String.join(", ", seeded) + "\n")
          + (earlier.isEmpty() ? "" : "  Last month's demo tickets: " + String.join(", ", earlier) + "\n") + hours + invoices
          + notices + reports + knowledge;
    });
  }

  private static void customers(KernelWiring wiring) {
    var identity = IdentityWiring.of(wiring);
    for (var customer : List.of(
        new Customer(ACME, new CustomerDetails("Acme Installatietechniek B.V.", List.of("acme.example.test"), SlaTier.ZILVER,
            Language.NL, Optional.of("storing@acme.example.test")), AT, AT, 1),
        new Customer(BAKKERIJ, new CustomerDetails("Bakkerij de Korenschoof", List.of("bakkerij.example.test"), SlaTier.KOPER,
            Language.NL, Optional.empty()), AT, AT, 1))) {
      if (identity.customers().find(customer.id()).isEmpty()) {
        identity.customers().create(customer);
      }
    }
  }

  /** The demo tickets of each customer that has none yet, through the use cases the tickets API runs; answers their tokens. */
  static List<String> tickets(KernelWiring wiring, Map<String, UserId> ids) {
    var identity = IdentityWiring.of(wiring);
    var ticketWiring = TicketWiring.of(wiring);
    var access = new TicketAccess(SlaWiring.of(wiring).tickets(), identity.users());
    var create = new CreateTicket(access, ticketWiring.catalogue(), identity.customers(), wiring.clock());
    var reply = new ReplyToTicket(access, wiring.clock());
    var status = new ChangeTicketStatus(access, wiring.clock(), ticketWiring.autoCloseAfter());
    Caller sem = caller(ids, "servicedesk@provider.example.test");
    List<String> seeded = new java.util.ArrayList<>();
    if (hasNoTickets(wiring, ACME)) {
      Caller jan = caller(ids, "jan@acme.example.test");
      Caller ilse = caller(ids, "it@acme.example.test");
      Ticket outlook = create.execute(jan, incident("email", "high", "Outlook start niet op na de update",
          "Sinds de update van vanochtend start Outlook niet meer. Foutmelding: het profiel kan niet geladen worden.",
          List.of(ilse.userId().value())));
      reply.execute(sem, outlook.ref(), new ReplyToTicket.ReplyInput("Vervelend! Kunt u Outlook eens in veilige modus starten "
          + "(Windows-toets + R, dan: outlook.exe /safe)? Laat u weten of dat lukt?", false), TicketSource.PORTAL);
      reply.execute(jan, outlook.ref(), new ReplyToTicket.ReplyInput("In veilige modus start hij wel. Wat nu?", false),
          TicketSource.PORTAL);
      reply.execute(sem, outlook.ref(), new ReplyToTicket.ReplyInput("Intern: vermoedelijk de invoegtoepassing van het "
          + "boekhoudpakket; vanmiddag op afstand uitschakelen.", true), TicketSource.PORTAL);
      seeded.add(outlook.ref().token());

      Ticket printer = create.execute(jan, incident("printing", "normal", "Printer 2e verdieping geeft steeds papierstoring",
          "De printer bij de trap meldt papierstoring in lade 2, ook als er niets vastzit.", List.of()));
      reply.execute(sem, printer.ref(), new ReplyToTicket.ReplyInput("We sturen morgen een monteur langs.", false),
          TicketSource.PORTAL);
      long version = access.visible(sem, printer.ref()).version();
      status.execute(sem, printer.ref(), new ChangeTicketStatus.TransitionInput("resolve",
          "De invoerrol van lade 2 is vervangen. Wilt u bevestigen dat het weer werkt?", version));
      seeded.add(printer.ref().token());

      Ticket financeAccess = create.execute(jan, new NewTicketInput("service-request", "accounts", "normal",
          "Toegang tot de map Financiën", "Voor de jaarafsluiting heb ik leesrechten nodig.", List.of(), "access-request",
          Map.of("forWhom", "Jan Jansen", "resource", "\\\\fileserver\\Financien", "accessLevel", "read",
              "reason", "Jaarafsluiting 2026 voorbereiden"), null, null, null, null));
      seeded.add(financeAccess.ref().token());
    }
    if (hasNoTickets(wiring, BAKKERIJ)) {
      Caller wendy = caller(ids, "winkel@bakkerij.example.test");
      Ticket till = create.execute(wendy, new NewTicketInput("question", "workplace", "low", "Kassa-pc erg traag sinds vrijdag",
          "De kassa-pc in de winkel doet er sinds vrijdag een minuut over om een bon te printen. Is daar iets aan te doen?",
          List.of(), null, null, null, null, null, null));
      seeded.add(till.ref().token());
    }
    return seeded;
  }

  /**
   * Last month's tickets, raised, answered, resolved and accepted at last month's times (each step with
   * the clock set to its moment), so last month's report has tickets, SLA outcomes, a rating and a
   * still-open ticket to show. Seeded once (when Acme has no ticket of last month yet).
   */
  static List<String> lastMonthsTickets(Config config, Map<String, UserId> ids) {
    java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Amsterdam")).minusMonths(1);
    StepClock clock = new StepClock();
    KernelWiring wiring = new KernelWiring(config, clock);
    var access = new TicketAccess(SlaWiring.of(wiring).tickets(), IdentityWiring.of(wiring).users());
    if (!access.tickets().list(new TicketQuery.Organisation(ACME, Sort.CREATED, Filter.NONE), PageRequest.first(100)).items()
        .stream().filter(t -> java.time.YearMonth.from(t.createdAt().atZone(java.time.ZoneId.of("Europe/Amsterdam"))).equals(month))
        .toList().isEmpty()) {
      return List.of();
    }
    var ticketWiring = TicketWiring.of(wiring);
    var create = new CreateTicket(access, ticketWiring.catalogue(), IdentityWiring.of(wiring).customers(), clock);
    var reply = new ReplyToTicket(access, clock);
    var status = new ChangeTicketStatus(access, clock, ticketWiring.autoCloseAfter());
    Caller sem = caller(ids, "servicedesk@provider.example.test");
    Caller jan = caller(ids, "jan@acme.example.test");
    Caller ilse = caller(ids, "it@acme.example.test");
    Caller wendy = caller(ids, "winkel@bakkerij.example.test");
    List<String> seeded = new java.util.ArrayList<>();

    clock.at(month, 3, "09:00");
    Ticket wifi = create.execute(jan, incident("network", "high", "Wifi in de vergaderzaal valt steeds weg",
        "Tijdens presentaties valt de wifi in de grote vergaderzaal om de paar minuten weg.", List.of()));
    clock.at(month, 3, "09:20");
    reply.execute(sem, wifi.ref(), new ReplyToTicket.ReplyInput("We kijken mee; het access point wordt vandaag op afstand "
        + "opnieuw ingesteld.", false), TicketSource.PORTAL);
    clock.at(month, 4, "15:00");
    status.execute(sem, wifi.ref(), new ChangeTicketStatus.TransitionInput("resolve",
        "Het access point draait nu op een vrij kanaal. Werkt het weer naar behoren?", access.visible(sem, wifi.ref()).version()));
    clock.at(month, 5, "08:45");
    status.execute(jan, wifi.ref(), new ChangeTicketStatus.TransitionInput("accept", "Ja, sinds gisteren geen storing meer.",
        access.visible(jan, wifi.ref()).version()));
    clock.at(month, 5, "08:46");
    new RateTicket(access, ticketWiring.ratings(), clock).execute(jan, wifi.ref(),
        new RateTicket.RatingInput(5, "Snel geholpen, en netjes uitgelegd wat er mis was."), TicketSource.PORTAL,
        java.util.Optional.empty());
    seeded.add(wifi.ref().token());

    clock.at(month, 12, "10:00");
    Ticket laptop = create.execute(ilse, incident("workplace", "normal", "Laptop van de receptie start traag op",
        "De laptop bij de receptie doet er sinds de laatste update tien minuten over om op te starten.", List.of()));
    clock.at(month, 12, "11:30");
    reply.execute(sem, laptop.ref(), new ReplyToTicket.ReplyInput("Dank u, we plannen een controle op afstand.", false),
        TicketSource.PORTAL);
    clock.at(month, 13, "14:00");
    status.execute(sem, laptop.ref(), new ChangeTicketStatus.TransitionInput("resolve",
        "Een vastgelopen update is opgeruimd; de laptop start weer in een minuut.", access.visible(sem, laptop.ref()).version()));
    seeded.add(laptop.ref().token());

    clock.at(month, 20, "14:00");
    Ticket phishing = create.execute(ilse, incident("security", "critical", "Phishingmail met link naar nep-inlogpagina",
        "Drie collega's kregen een mail die op Microsoft lijkt; één heeft op de link geklikt.", List.of()));
    clock.at(month, 20, "14:10");
    reply.execute(sem, phishing.ref(), new ReplyToTicket.ReplyInput("We blokkeren de afzender en resetten het wachtwoord van "
        + "de collega die klikte.", false), TicketSource.PORTAL);
    seeded.add(phishing.ref().token());

    clock.at(month, 8, "10:00");
    Ticket scale = create.execute(wendy, new NewTicketInput("question", "workplace", "low", "Weegschaal koppelen aan de kassa",
        "Kan de nieuwe weegschaal rechtstreeks aan de kassa gekoppeld worden?", List.of(), null, null, null, null, null, null));
    clock.at(month, 9, "16:00");
    status.execute(sem, scale.ref(), new ChangeTicketStatus.TransitionInput("resolve",
        "Ja: de koppeling is ingesteld en getest met een proefbon.", access.visible(sem, scale.ref()).version()));
    seeded.add(scale.ref().token());
    return seeded;
  }

  /** A clock set to each step's moment of last month (Europe/Amsterdam). */
  private static final class StepClock extends Clock {
    private Instant now = Instant.now();

    void at(java.time.YearMonth month, int day, String time) {
      now = month.atDay(day).atTime(java.time.LocalTime.parse(time)).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant();
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * Last month's reports: the SLA scan runs once first (so last month's deadlines are counted), then
   * the monthly schedule's function, as its schedule would on the 1st; the table's stream makes each
   * customer's report in the background. A second start starts nothing (the month's run is written once).
   */
  static String reports(LocalCloud cloud) {
    Optional<FunctionInvoker> monthly = cloud.functions().invoker("MonthlyReportsFunction");
    if (monthly.isEmpty()) {
      return "";
    }
    String now = "{\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\",\"time\":\"" + Instant.now() + "\",\"detail\":{}}";
    cloud.functions().invoker("DueEventsFunction").ifPresent(scan -> {
      if (scan.invoke(now) instanceof InvocationResult.Failure failure) {
        throw new StartFailure("The SLA scan failed on the demo data: " + failure.errorMessage());
      }
    });
    if (!(monthly.get().invoke(now) instanceof InvocationResult.Success started)) {
      throw new StartFailure("The monthly reports function failed on the demo data; see its log");
    }
    String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Amsterdam")).minusMonths(1).toString();
    return "  Demo reports: " + month + " for demo-acme and demo-bakkerij, made in the background (Rapportages"
        + (started.json().contains("\"started\":false") ? "; made at an earlier start" : "") + ")\n";
  }

  /**
   * Hour bundles and registrations of the last weeks (relative to today, so the meter, the forecast and
   * the filters have something to show): Acme has two active bundles and a rate; Bakkerij lets its users
   * see hours and has one bundle nearly used up. Seeded once (when Acme has no bundle yet).
   */
  static String hours(KernelWiring wiring, Map<String, UserId> ids) {
    var billing = BillingWiring.of(wiring);
    if (!billing.viewHours().overview(ACME, Language.NL).bundles().isEmpty()) {
      return "";
    }
    Caller admin = caller(ids, "beheer@provider.example.test");
    Caller agent = caller(ids, "servicedesk@provider.example.test");
    LocalDate today = LocalDate.now(wiring.clock().withZone(java.time.ZoneId.of("Europe/Amsterdam")));
    billing.settings().put(admin, ACME, new SettingsInput(15, 15, false, List.of(
        new SettingsInput.RateInput("ad-hoc-billable", today.minusYears(1).toString(), new java.math.BigDecimal("95.00"))), true, 600, 0L)); // up to 10 hours roll over
    billing.settings().put(admin, BAKKERIJ, new SettingsInput(5, 15, true, List.of(
        new SettingsInput.RateInput("ad-hoc-billable", today.minusYears(1).toString(), new java.math.BigDecimal("85.00"))), null, null, 0L));
    var bundles = billing.manageBundles();
    var first = bundles.create(admin, ACME, new BundleInput(20 * 60, today.minusDays(90).toString(), today.plusDays(45).toString(),
        new java.math.BigDecimal("1900.00"), null));
    var second = bundles.create(admin, ACME, new BundleInput(10 * 60, today.minusDays(30).toString(), today.plusDays(180).toString(),
        new java.math.BigDecimal("990.00"), null));
    bundles.activate(admin, ACME, first.id());
    bundles.activate(admin, ACME, second.id());
    bundles.create(admin, ACME, new BundleInput(10 * 60, today.plusDays(30).toString(), today.plusDays(210).toString(),
        new java.math.BigDecimal("990.00"), null)); // ordered, not yet paid: "Besteld"
    var bakery = bundles.create(admin, BAKKERIJ, new BundleInput(5 * 60, today.minusDays(60).toString(), today.plusDays(20).toString(),
        new java.math.BigDecimal("450.00"), null));
    bundles.activate(admin, BAKKERIJ, bakery.id());
    var register = billing.registerTime();
    String[] work = {"Werkplekken bijgewerkt (Windows-updates)", "Back-up gecontroleerd en hersteltest gedaan",
        "Nieuwe medewerker: account en laptop ingericht", "Printer op de 2e verdieping opnieuw geïnstalleerd",
        "Firewallregels voor de VPN nagelopen", "Teams-kanaal voor het project aangemaakt"};
    int n = 0;
    for (int day = 40; day >= 1; day--) {
      LocalDate date = today.minusDays(day);
      if (date.getDayOfWeek().getValue() > 5 || day % 3 != 0) {
        continue;
      }
      String type = n % 5 == 4 ? "ad-hoc-service" : n % 7 == 6 ? "ad-hoc-billable" : "bundle";
      register.execute(agent, ACME, new RegistrationInput(date.toString(), 35 + (n * 17) % 70, type, work[n % work.length],
          n % 2 == 0 ? "Uitgevoerd op afstand" : null, null));
      n++;
    }
    for (int day = 20; day >= 2; day -= 6) {
      register.execute(agent, BAKKERIJ, new RegistrationInput(today.minusDays(day).toString(), 75, "bundle",
          "Kassasysteem en pinautomaat gecontroleerd", null, null));
    }
    var subscriptions = billing.subscriptions();
    subscriptions.create(admin, ACME, new SubscriptionInput("Microsoft 365 Business Premium", 12, new java.math.BigDecimal("20.60"),
        "monthly", today.minusMonths(10).toString(), today.plusDays(45).toString(), false, null), Language.NL);
    subscriptions.create(admin, ACME, new SubscriptionInput("Back-up as a Service (500 GB)", 1, new java.math.BigDecimal("1188.00"),
        "yearly", today.minusMonths(4).toString(), today.plusMonths(8).toString(), true, null), Language.NL);
    subscriptions.create(admin, BAKKERIJ, new SubscriptionInput("Beheerde werkplek", 4, new java.math.BigDecimal("39.50"),
        "monthly", today.minusMonths(2).toString(), today.plusMonths(22).toString(), true, null), Language.NL);
    return "  Demo hours: 3 bundles and " + n + " registrations for Acme, 1 nearly used bundle for Bakkerij; 3 subscriptions\n";
  }

  private static NewTicketInput incident(String category, String priority, String title, String description, List<String> involved) {
    return new NewTicketInput("incident", category, priority, title, description, involved, null, null, null, null, null, null);
  }

  private static boolean hasNoTickets(KernelWiring wiring, TenantId customer) {
    return SlaWiring.of(wiring).tickets().list(new TicketQuery.Organisation(customer, Sort.UPDATED, Filter.NONE), PageRequest.first(1))
        .items().isEmpty();
  }

  /**
   * Invoices of last month (after the hours, which they bill): each customer's invoicing details, then
   * Acme's November (its ad-hoc time, Microsoft 365 and the ordered bundle) finalised and open, and
   * Bakkerij's (its managed workplaces) finalised and paid; each mailed with its PDF from the
   * administrative sender to the local SES. Seeded once (when Acme has no invoice yet).
   */
  static String invoices(KernelWiring wiring, Map<String, UserId> ids) {
    var invoicing = InvoiceWiring.of(wiring, MailWiring.sender(wiring));
    Caller admin = caller(ids, "beheer@provider.example.test");
    if (!invoicing.view().list(admin, ACME, Language.NL).isEmpty()) {
      return "";
    }
    invoicing.profiles().put(admin, ACME, new InvoiceInput.Profile(List.of("Acme B.V.", "t.a.v. crediteurenadministratie",
        "Stationsplein 10", "3511 ED Utrecht"), "NL812345678B01", "21", 14, List.of("it@acme.example.test"), 0L));
    invoicing.profiles().put(admin, BAKKERIJ, new InvoiceInput.Profile(List.of("Bakkerij De Korenschoof", "Dorpsstraat 5",
        "1234 AB Ergens"), null, "21", 30, List.of(), 0L));
    java.time.YearMonth last = java.time.YearMonth.now(wiring.clock().withZone(java.time.ZoneId.of("Europe/Amsterdam"))).minusMonths(1);
    List<String> made = new java.util.ArrayList<>();
    for (TenantId customer : List.of(ACME, BAKKERIJ)) {
      var draft = invoicing.drafts().draft(admin, customer, new InvoiceInput.Draft(last.atDay(1).toString(),
          last.atEndOfMonth().toString(), List.of()));
      if (draft.lines().isEmpty()) {
        invoicing.drafts().discard(admin, customer, draft.id(), new InvoiceInput.Version(draft.version()));
        continue;
      }
      var fin = invoicing.issue().finalise(admin, customer, draft.id(), new InvoiceInput.Version(draft.version()));
      if (customer.equals(BAKKERIJ)) {
        fin = invoicing.payments().execute(admin, customer, fin.id(), new InvoiceInput.State("paid", fin.version()));
      }
      made.add(customer.value() + " " + fin.number().orElseThrow() + " (" + fin.state().wireName() + ")");
    }
    return made.isEmpty() ? "" : "  Demo invoices of " + last + ": " + String.join(", ", made) + " (Facturen)\n";
  }

  private static Caller caller(Map<String, UserId> ids, String email) {
    Account account = ACCOUNTS.stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow();
    return new Caller(ids.get(email), account.membership().tenant(), account.membership().role(), true, Optional.of(email));
  }

  private static UserId sub(CognitoIdentityProviderClient cognito, String pool, String email) {
    var user = cognito.adminGetUser(r -> r.userPoolId(pool).username(email));
    return new UserId(user.userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst()
        .map(AttributeType::value).orElse(user.username()));
  }

  private static boolean exists(CognitoIdentityProviderClient cognito, String pool, String email) {
    try {
      cognito.adminGetUser(r -> r.userPoolId(pool).username(email));
      return true;
    } catch (UserNotFoundException e) {
      return false;
    }
  }

  /** Creates the account, stores its profile, enrols TOTP with a computed code; answers the secret. */
  private static String enrol(CognitoIdentityProviderClient cognito, IdentityProvider provider, KernelWiring wiring,
      String pool, Account account) {
    var created = cognito.adminCreateUser(r -> r.userPoolId(pool).username(account.email())
        .messageAction(MessageActionType.SUPPRESS).temporaryPassword(PASSWORD)
        .userAttributes(attribute("email", account.email()), attribute("email_verified", "true"),
            attribute("given_name", account.first()), attribute("family_name", account.last()),
            attribute("name", account.first() + " " + account.last()), attribute("locale", "nl")));
    cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(account.email()).password(PASSWORD).permanent(true));
    UserId id = new UserId(created.user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst()
        .map(AttributeType::value).orElse(created.user().username()));
    var name = new UserProfile.PersonName(account.first(), account.last(), account.first() + " " + account.last());
    IdentityWiring.of(wiring).users().create(new UserProfile(id, account.email(), name, Language.NL, account.membership(), true,
        AccountSettings.DEFAULT, AT, AT, 1), new AuditEntry(AT, id, "demo.seeded", id, account.membership().tenant(), Map.of()));
    var signedIn = (IdentityProvider.SignInStep.SignedIn) provider.signIn(account.email(), PASSWORD);
    String accessToken = signedIn.tokens().accessToken();
    String secret = provider.startTotpEnrolment(accessToken);
    provider.completeTotpEnrolment(accessToken, Totp.code(secret, Instant.now()));
    return secret;
  }

  private static String console(Properties secrets) {
    StringBuilder out = new StringBuilder("\nDemo accounts (password for all: " + PASSWORD + ")\n");
    for (Account account : ACCOUNTS) {
      out.append(String.format("  %-16s %-34s TOTP secret %s%n", account.membership().role().wireName(), account.email(),
          secrets.getProperty(account.email())));
    }
    out.append("  Current code: infrastructure/local/start code <e-mail>\n");
    return out.toString();
  }

  /** {@code start code EMAIL}: the authenticator code of a demo account now. */
  static String currentCode(Path stateRoot, String email) {
    String secret = load(secretsFile(stateRoot)).getProperty(email);
    if (secret == null) {
      throw new StartFailure("No demo account " + email + " in " + secretsFile(stateRoot) + "; start the local cloud first.");
    }
    return Totp.code(secret, Instant.now());
  }

  private static Path secretsFile(Path stateRoot) {
    return stateRoot.resolve("demo-accounts.properties");
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return properties;
  }

  private static void store(Path file, Properties properties) {
    try (Writer writer = Files.newBufferedWriter(file)) {
      properties.store(writer, "Local demo accounts: e-mail = TOTP secret (local only, never real accounts)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }
}
