package nl.klantportaal.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.klantportaal.identity.wiring.CognitoWiring;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.accounts.identity.usecase.BootstrapProviderAdmin;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.wiring.KernelWiring;

/**
 * Creates the first provider admin of a deployment (issue 4): the Cognito user with a temporary
 * password (printed here, asked to be replaced at the first sign-in), the profile, the
 * {@code provider-admin} group and a {@code bootstrap} entry in {@code PROVIDER#AUDIT}. Refuses
 * when any provider admin exists. Two ways in:
 *
 * <pre>
 *   infrastructure/local/start bootstrap-admin EMAIL [--first-name F] [--last-name L] [--language nl|en|de]
 *       against the running local cloud (its state folder and ports; same port flags as start)
 *   infrastructure/bootstrap-admin --table T --user-pool-id P --region R EMAIL [...]
 *       against a deployed stack (TableName and UserPoolId are stack outputs), with the
 *       credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY [/ AWS_SESSION_TOKEN]
 * </pre>
 */
public final class BootstrapAdminCommand {

  private BootstrapAdminCommand() {}

  /** The command's arguments after the environment is settled. */
  record Request(String email, String firstName, String lastName, Language language) {}

  /** Exit codes: 0 created, 1 refused (an admin exists), 2 usage or input. */
  static int run(Map<String, String> environment, Request request, PrintStream out, PrintStream err) {
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(environment), Clock.systemUTC());
    var bootstrap = new BootstrapProviderAdmin(IdentityWiring.of(wiring).users(), CognitoWiring.of(wiring).userDirectory(), wiring.clock(), new SecureRandom());
    try {
      var done = bootstrap.execute(request.email(), request.firstName(), request.lastName(), request.language());
      out.println("Provider admin created: " + done.admin().email() + " (user " + done.admin().id().value() + ")");
      out.println("Temporary password: " + done.temporaryPassword());
      out.println("Hand it over safely; the first sign-in asks for an own password, then a TOTP enrolment.");
      return 0;
    } catch (DomainException.Conflict e) {
      err.println("Refused: " + e.getMessage());
      return 1;
    } catch (DomainException.InvalidInput e) {
      e.errors().forEach(error -> err.println(error.field() + ": " + error.message()));
      return 2;
    }
  }

  /** {@code start bootstrap-admin EMAIL [name flags] [local cloud flags]}: the running local cloud. */
  static int local(Path root, String[] args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>();
    Request request = parse(args, rest, err).orElse(null);
    if (request == null) {
      return 2;
    }
    Options options = Options.parse(root, rest.toArray(String[]::new));
    Path names = options.stateDir().resolve("names.properties");
    Properties ids = new Properties();
    if (!Files.isRegularFile(names)) {
      err.println("No local cloud state in " + options.stateDir() + "; start the local cloud first.");
      return 2;
    }
    try (Reader reader = Files.newBufferedReader(names)) {
      ids.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + names, e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("TABLE_NAME", LocalNames.tableName("PortalTable"));
    env.put("USER_POOL_ID", ids.getProperty("UserPool", ""));
    env.put("AWS_REGION", AwsClients.REGION);
    env.put("AWS_ACCESS_KEY_ID", AwsClients.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", AwsClients.SECRET_KEY);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://" + Ports.HOST + ":" + options.ports().dynamodb());
    env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://" + Ports.HOST + ":" + options.ports().cognito());
    env.put("CURSOR_KEY", processCursorKey());
    try {
      return run(env, request, out, err);
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      err.println("No local cloud answers on the DynamoDB/Cognito ports (" + e.getMessage() + "); start it first"
          + " (or pass --dynamodb-port / --cognito-port).");
      return 2;
    }
  }

  /** {@code infrastructure/bootstrap-admin}: a deployed stack, named by its outputs. */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>();
    Request request = parse(args, rest, System.err).orElse(null);
    Map<String, String> env = new HashMap<>();
    for (int i = 0; request != null && i < rest.size(); i++) {
      String flag = rest.get(i);
      String value = i + 1 < rest.size() ? rest.get(++i) : "";
      switch (flag) {
        case "--table" -> env.put("TABLE_NAME", value);
        case "--user-pool-id" -> env.put("USER_POOL_ID", value);
        case "--region" -> env.put("AWS_REGION", value);
        default -> {
          System.err.println("Unknown option " + flag);
          request = null;
        }
      }
    }
    if (request == null || !env.containsKey("TABLE_NAME") || !env.containsKey("USER_POOL_ID") || !env.containsKey("AWS_REGION")) {
      System.err.println("usage: infrastructure/bootstrap-admin --table TABLE --user-pool-id POOL --region REGION EMAIL"
          + " [--first-name F] [--last-name L] [--language nl|en|de]");
      System.exit(2);
      return;
    }
    for (String credential : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
      Optional.ofNullable(System.getenv(credential)).ifPresent(v -> env.put(credential, v));
    }
    env.put("CURSOR_KEY", processCursorKey());
    System.exit(run(env, request, System.out, System.err));
  }

  /** Paging cursors never leave this process, so a key of its own signs them. */
  private static String processCursorKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** EMAIL and the name flags; everything else goes to {@code rest}. */
  private static Optional<Request> parse(String[] args, List<String> rest, PrintStream err) {
    String email = null;
    String first = "Provider";
    String last = "Admin";
    Language language = Language.NL;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--first-name", "--last-name", "--language" -> {
          if (i + 1 >= args.length) {
            err.println(arg + " needs a value");
            return Optional.empty();
          }
          String value = args[++i];
          if (arg.equals("--first-name")) {
            first = value;
          } else if (arg.equals("--last-name")) {
            last = value;
          } else {
            Optional<Language> chosen = java.util.Arrays.stream(Language.values())
                .filter(l -> l.tag().equals(value.toLowerCase(Locale.ROOT))).findFirst();
            if (chosen.isEmpty()) {
              err.println("--language is nl, en or de");
              return Optional.empty();
            }
            language = chosen.get();
          }
        }
        case "--fresh", "--exit-when-ready" -> rest.add(arg);
        default -> {
          if (!arg.startsWith("--") && email == null) {
            email = arg;
          } else {
            rest.add(arg);
            if (arg.startsWith("--") && i + 1 < args.length) {
              rest.add(args[++i]);
            }
          }
        }
      }
    }
    if (email == null) {
      err.println("bootstrap-admin needs the admin's e-mail address");
      return Optional.empty();
    }
    return Optional.of(new Request(email, first, last, language));
  }
}
