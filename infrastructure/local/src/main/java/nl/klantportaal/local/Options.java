package nl.klantportaal.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line of the local cloud.
 *
 * <pre>
 * start [--fresh] [--template FILE] [--state DIR] [--portal DIR] [--exit-when-ready] [--clock INSTANT] [--sso]
 *       [--gateway-port N] [--dynamodb-port N] [--s3-port N] [--cognito-port N] [--ses-port N]
 *       [--lambda-port N] [--smtp-port N]
 * start invoke FUNCTION FILE [same options]
 * </pre>
 */
public record Options(Path template, Path stateDir, Path portalDir, Path npmDir, Ports ports, boolean fresh,
    boolean exitWhenReady, Optional<Instant> clockStart, Optional<Invocation> invoke, boolean sso) {

  /** {@code invoke FUNCTION FILE}: run one function once with an event file and exit. */
  public record Invocation(String function, Path eventFile) {}

  public static Options forRoot(Path root) {
    return new Options(root.resolve("template.yaml"), root.resolve(".local"), root.resolve("portal"),
        root.resolve("infrastructure/local"), Ports.defaults(), false, false, Optional.empty(), Optional.empty(), false);
  }

  public static Options parse(Path root, String... args) {
    Options o = forRoot(root);
    Ports p = o.ports();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--fresh" -> o = o.withFresh(true);
        case "--exit-when-ready" -> o = o.withExitWhenReady(true);
        case "--sso" -> o = o.withSso(true);
        case "--template" -> o = o.withTemplate(Path.of(value(args, ++i, arg)).toAbsolutePath());
        case "--state" -> o = o.withStateDir(Path.of(value(args, ++i, arg)).toAbsolutePath());
        case "--portal" -> o = o.withPortal(Path.of(value(args, ++i, arg)).toAbsolutePath());
        case "--clock" -> o = o.withClockStart(Instant.parse(value(args, ++i, arg)));
        case "--gateway-port" -> p = new Ports(port(args, ++i, arg), p.dynamodb(), p.s3(), p.cognito(), p.ses(), p.lambda(), p.smtp());
        case "--dynamodb-port" -> p = new Ports(p.gateway(), port(args, ++i, arg), p.s3(), p.cognito(), p.ses(), p.lambda(), p.smtp());
        case "--s3-port" -> p = new Ports(p.gateway(), p.dynamodb(), port(args, ++i, arg), p.cognito(), p.ses(), p.lambda(), p.smtp());
        case "--cognito-port" -> p = new Ports(p.gateway(), p.dynamodb(), p.s3(), port(args, ++i, arg), p.ses(), p.lambda(), p.smtp());
        case "--ses-port" -> p = new Ports(p.gateway(), p.dynamodb(), p.s3(), p.cognito(), port(args, ++i, arg), p.lambda(), p.smtp());
        case "--lambda-port" -> p = new Ports(p.gateway(), p.dynamodb(), p.s3(), p.cognito(), p.ses(), port(args, ++i, arg), p.smtp());
        case "--smtp-port" -> p = new Ports(p.gateway(), p.dynamodb(), p.s3(), p.cognito(), p.ses(), p.lambda(), port(args, ++i, arg));
        default -> {
          if (arg.startsWith("--")) {
            throw new StartFailure("Unknown option " + arg + ". Options: --fresh --template FILE --state DIR --portal DIR"
                + " --exit-when-ready --sso --clock INSTANT --{gateway,dynamodb,s3,cognito,ses,lambda,smtp}-port N;"
                + " command: invoke FUNCTION FILE");
          }
          positional.add(arg);
        }
      }
    }
    o = o.withPorts(p);
    if (!positional.isEmpty()) {
      if (positional.size() != 3 || !positional.get(0).equals("invoke")) {
        throw new StartFailure("Unknown command " + String.join(" ", positional) + ". Use: invoke FUNCTION events/FILE.json");
      }
      o = o.withInvoke(new Invocation(positional.get(1), Path.of(positional.get(2)).toAbsolutePath()));
    }
    return o;
  }

  public Options withTemplate(Path file) {
    return new Options(file, stateDir, portalDir, npmDir, ports, fresh, exitWhenReady, clockStart, invoke, sso);
  }

  public Options withStateDir(Path dir) {
    return new Options(template, dir, portalDir, npmDir, ports, fresh, exitWhenReady, clockStart, invoke, sso);
  }

  public Options withPortal(Path dir) {
    return new Options(template, stateDir, dir, npmDir, ports, fresh, exitWhenReady, clockStart, invoke, sso);
  }

  public Options withPorts(Ports value) {
    return new Options(template, stateDir, portalDir, npmDir, value, fresh, exitWhenReady, clockStart, invoke, sso);
  }

  public Options withFresh(boolean value) {
    return new Options(template, stateDir, portalDir, npmDir, ports, value, exitWhenReady, clockStart, invoke, sso);
  }

  public Options withExitWhenReady(boolean value) {
    return new Options(template, stateDir, portalDir, npmDir, ports, fresh, value, clockStart, invoke, sso);
  }

  public Options withClockStart(Instant start) {
    return new Options(template, stateDir, portalDir, npmDir, ports, fresh, exitWhenReady, Optional.of(start), invoke, sso);
  }

  public Options withInvoke(Invocation value) {
    return new Options(template, stateDir, portalDir, npmDir, ports, fresh, exitWhenReady, clockStart, Optional.of(value), sso);
  }

  /** Single sign-on on: entra-local plays Entra ID, and EntraTenantId is set, so HasEntraSso holds. */
  public Options withSso(boolean value) {
    return new Options(template, stateDir, portalDir, npmDir, ports, fresh, exitWhenReady, clockStart, invoke, value);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new StartFailure(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String[] args, int i, String option) {
    try {
      return Integer.parseInt(value(args, i, option));
    } catch (NumberFormatException e) {
      throw new StartFailure(option + " needs a port number, not " + args[i], e);
    }
  }
}
