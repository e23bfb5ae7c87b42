package nl.klantportaal.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * The whole local cloud, started from a template: emulators, resources, functions, gateway, Lambda
 * endpoint, schedules, stream pollers and the inbound SMTP port. Closing it stops everything it started.
 */
public final class LocalCloud implements AutoCloseable {

  /** Where everything listens once started. */
  public record Endpoints(URI gateway, URI dynamoDb, URI s3, URI cognito, URI ses, URI lambda, int smtpPort) {}

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Options options;
  private final StateFolder state;
  private final LocalNames names;
  private Endpoints endpoints;
  private FunctionCatalog functions;
  private HttpApiRoutes routes;
  private Scheduler scheduler;
  private InboundMail inboundMail;
  private final List<StreamMapping> mappings = new ArrayList<>();
  private List<String> buckets = List.of();
  private ChildProcesses children;
  private NodeTools node;
  private SamTemplate template;
  private int sesInternalPort;
  private volatile SesFront sesFront;
  private SesEventPublishing sesEvents;
  private final Faults faults = new Faults();
  /** entra-local's issuer, when the cloud runs with single sign-on ({@code --sso}). */
  private Optional<URI> entraId = Optional.empty();

  private LocalCloud(Options options, StateFolder state, LocalNames names) {
    this.options = options;
    this.state = state;
    this.names = names;
  }

  public static LocalCloud start(Options options) {
    SamTemplate template = SamTemplate.load(options.template());
    StateFolder state = StateFolder.open(options.stateDir(), options.fresh());
    ChildProcesses.stopLeftovers(state.pids());
    LocalCloud cloud = new LocalCloud(options, state, new LocalNames(template));
    try {
      cloud.startAll(template);
      return cloud;
    } catch (RuntimeException e) {
      cloud.close();
      throw e;
    }
  }

  private void startAll(SamTemplate template) {
    Ports ports = options.ports().resolved();
    Intrinsics intrinsics = names.intrinsics();
    this.template = template;
    node = NodeTools.find(options.npmDir());
    node.installWhenMissing();
    if (options.sso()) {
      EntraLocal.configure(template, names);
    }

    LocalDynamoDb dynamoDb = keep(LocalDynamoDb.start(state, ports.dynamodb()));
    var dynamoDbClient = keep(AwsClients.dynamoDb(dynamoDb.endpoint()));
    new DataProvisioner(template, names).tables(dynamoDbClient);
    LocalS3 s3 = keep(LocalS3.start(state, ports.s3(), URI.create("http://" + Ports.HOST + ":" + ports.gateway()), faults));
    var s3Client = keep(AwsClients.s3(s3.endpoint()));
    buckets = new DataProvisioner(template, names).buckets(s3Client);

    LambdaInvokeApi lambda = keep(LambdaInvokeApi.start(ports.lambda()));
    children = keep(new ChildProcesses(state));
    CognitoFront cognitoFront = keep(CognitoLocal.start(children, node, state, template, intrinsics, ports.cognito(),
        ports.spare(), ports.lambda()));
    URI cognito = cognitoFront.endpoint();
    sesInternalPort = ports.spare();
    SesLocal.start(children, node, state, sesInternalPort);
    sesFront = SesFront.start(ports.ses(), sesUpstream(), faults);
    keep(() -> sesFront.close());
    URI ses = sesFront.endpoint();
    new UserPoolProvisioner(cognito, state.names()).provision(template, names);
    URI portal = URI.create("http://" + Ports.HOST + ":" + ports.gateway() + "/");
    if (options.sso()) {
      entraId = Optional.of(EntraLocal.start(children, node, state, template, names, cognitoFront, ports.spare(), portal,
          ports.lambda()));
    }
    try (var sesClient = AwsClients.ses(ses)) {
      SesLocal.createTemplates(template, intrinsics, sesClient);
    }

    functions = new FunctionCatalog(template, intrinsics, new FunctionCatalog.LocalEnvironment(
        dynamoDb.endpoint().toString(), s3.endpoint().toString(), ses.toString(), cognito.toString(), state.cursorKey(),
        // The user pool domain (the hosted UI's /oauth2/*) is the Cognito front here, and the portal the gateway:
        // also for the links in mail (PORTAL_ORIGIN), so a link in the local inbox opens the local portal.
        Map.of("SSO_DOMAIN", cognito.toString(), "SSO_REDIRECT_URI", portal.toString(),
            "PORTAL_ORIGIN", portal.toString().replaceAll("/+$", ""))));
    lambda.serve(functions);
    sesEvents = new SesEventPublishing(template, intrinsics, functions,
        new AsyncInvocations(template, intrinsics, deadLetters(), Duration.ofSeconds(1)));
    sesFront.onSent(sesEvents);
    routes = HttpApiRoutes.from(template, intrinsics, cognito);
    // The local clock starts (at --clock INSTANT, if given) once everything it drives is about to run.
    Clock clock = options.clockStart()
        .map(start -> Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start)))
        .orElse(Clock.systemUTC());
    Instant clockStarted = clock.instant();
    StaticSite site = new StaticSite(options.portalDir(), StaticSite.localConfig(template, intrinsics),
        Optional.of(options.template().toAbsolutePath().getParent().resolve("docs/openapi.yaml")));
    Gateway gateway = keep(Gateway.start(ports.gateway(), routes, functions, site, clock));
    scheduler = keep(new Scheduler(template, functions, clock));
    scheduler.start(clockStarted);
    var streams = keep(AwsClients.dynamoDbStreams(dynamoDb.endpoint()));
    StreamCheckpoints checkpoints = new StreamCheckpoints(state.streamCheckpoints());
    for (SamTemplate.FunctionEvent event : template.eventsOfType("DynamoDB")) {
      if (Yamls.string(event.properties().get("Enabled")).equals("false")) {
        continue;
      }
      StreamMapping mapping = StreamMapping.of(event, intrinsics);
      keep(new StreamPoller(mapping, streams, functions.require(mapping.function()), deadLetters(), checkpoints)).start();
      mappings.add(mapping);
    }
    inboundMail = new InboundMail(template, intrinsics, s3Client, functions, deadLetters(), Duration.ofSeconds(1));
    SmtpListener smtp = keep(SmtpListener.start(ports.smtp(), inboundMail::receive));
    endpoints = new Endpoints(URI.create("http://" + Ports.HOST + ":" + gateway.port()), dynamoDb.endpoint(),
        s3.endpoint(), cognito, ses, URI.create("http://" + Ports.HOST + ":" + ports.lambda()), smtp.port());
  }

  private <T extends AutoCloseable> T keep(T resource) {
    started.push(resource);
    return resource;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public FunctionCatalog functions() {
    return functions;
  }

  /** The template this cloud runs. */
  public java.nio.file.Path templateFile() {
    return options.template();
  }

  /** The fault injection switch of the S3 stand-in and the SES endpoint (nothing armed at start). */
  public Faults faults() {
    return faults;
  }

  public DeadLetters deadLetters() {
    return new DeadLetters(state.deadLetters());
  }

  private URI sesUpstream() {
    return URI.create("http://" + Ports.HOST + ":" + sesInternalPort);
  }

  /**
   * Stops aws-ses-v2-local and the SES front before it, so every send fails as with SES unreachable
   * (fault injection for tests); {@link #startSes()} starts both again on the same ports, with an empty store.
   */
  public void stopSes() {
    sesFront.close();
    children.stop("aws-ses-v2-local");
  }

  public void startSes() {
    SesLocal.start(children, node, state, sesInternalPort);
    sesFront = SesFront.start(endpoints.ses().getPort(), sesUpstream(), faults);
    sesFront.onSent(sesEvents);
    try (var sesClient = AwsClients.ses(endpoints.ses())) {
      SesLocal.createTemplates(template, names.intrinsics(), sesClient);
    }
  }

  public LocalNames names() {
    return names;
  }

  public StateFolder state() {
    return state;
  }

  /** The console summary: every URL, port and where state lives. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Klantportaal local cloud\n");
    out.append(String.format("  %-16s %s%n", "Portal", endpoints.gateway() + "/"));
    out.append(String.format("  %-16s %s  (%d routes)%n", "API", endpoints.gateway(), routes.all().size()));
    out.append(String.format("  %-16s %s%n", "DynamoDB", endpoints.dynamoDb()));
    out.append(String.format("  %-16s %s  (buckets: %s)%n", "S3", endpoints.s3(), String.join(", ", buckets)));
    out.append(String.format("  %-16s %s%n", "Cognito", endpoints.cognito()));
    entraId.ifPresent(issuer -> out.append(String.format("  %-16s %s  (Entra ID for single sign-on)%n", "OIDC provider", issuer)));
    out.append(String.format("  %-16s %s%n", "SES API", endpoints.ses()));
    out.append(String.format("  %-16s %s%n", "SES inbox", endpoints.ses() + "/"));
    for (SesEventPublishing.Destination destination : sesEvents.destinations()) {
      out.append(String.format("  %-16s %s (%s) -> %s -> %s%n", "SES events", destination.configurationSet(),
          String.join(", ", destination.eventTypes().stream().sorted().toList()), destination.topicArn(),
          String.join(", ", sesEvents.subscriptions().stream().filter(s -> s.topicArn().equals(destination.topicArn()))
              .map(SesEventPublishing.Subscription::function).toList())));
    }
    out.append(String.format("  %-16s %s%n", "Lambda invoke", endpoints.lambda()));
    out.append(String.format("  %-16s %s:%d  (receipt rules: %s)%n", "SMTP (inbound)", Ports.HOST, endpoints.smtpPort(),
        inboundMail.rules().isEmpty() ? "none" : String.join(", ", inboundMail.rules().stream().map(InboundMail.Rule::name).toList())));
    out.append(String.format("  %-16s %s%n", "Function code", functions.code()));
    List<String> missing = functions.withoutHandlerClass();
    if (!missing.isEmpty()) {
      out.append(String.format("  %-16s handler class not in its code: %s%n", "Warning", String.join(", ", missing)));
    }
    out.append(String.format("  %-16s %s%n", "State", state.root()));
    for (StreamMapping mapping : mappings) {
      out.append(String.format("  %-16s %s -> %s (failures: %s)%n", "Stream", mapping.name(), mapping.function(),
          deadLetters().folder(mapping.function())));
    }
    for (Scheduler.Schedule schedule : scheduler.schedules()) {
      out.append(String.format("  %-16s %s -> %s, next %s%n", "Schedule", schedule.name(), schedule.function(),
          scheduler.next(schedule).map(Instant::toString).orElse("never")));
    }
    return out.toString();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Stopping the local cloud failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
