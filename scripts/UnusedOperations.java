import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Takes the request and response classes of the SDK operations nothing in a Lambda artefact calls out
 * of it, between ProGuard's two passes (functions/artefact-shrinking.pro; pom.xml, step 3 of 4): the
 * first pass keeps what the functions reach, this reads which operations that names, and the second
 * pass drops the model only the other operations' classes named.
 *
 * <p>Why: each service's endpoint interceptor ({@code S3ResolveEndpointInterceptor}, ...) casts the
 * request to its operation's class in one branch per operation, and every request class's static field
 * list names the builders of the model types it carries. ProGuard keeps whatever kept code names, so it
 * kept most of each service's model (S3 1,150 classes, SESv2 775) for four or five operations. Those
 * branches run only for the operation being called, and a class is loaded when code that names it runs,
 * so the branches of operations nobody calls never load their classes.
 *
 * <p>An operation is one with a marshaller ({@code services/<svc>/transform/<Op>RequestMarshaller}) in
 * the shaded jar before the first pass (the first pass drops the marshallers of operations not called).
 * It stays when any class the first pass kept, outside the service's own generated plumbing, names its
 * request or response class: our code, the enhanced client, the presigner, the SDK's handlers and
 * checksum interceptors.
 * The plumbing that names every operation, and is therefore not counted: the service's model,
 * transform, endpoints, paginators and waiters packages and its client classes ({@code <Svc>Client},
 * {@code Default<Svc>Client}, async and delegating forms). ArtefactsTest then links every class of the
 * shrunk artefact, so a class the JVM needs to verify kept code cannot be missing unnoticed.
 *
 * <p>Run with the source launcher: {@code java scripts/UnusedOperations.java <artefact.jar> <shaded.jar>}
 * (the artefact after the first pass, trimmed in place, and the first pass's input, which the ProGuard
 * plugin keeps beside it as {@code <artefact>_proguard_base.jar};
 * writes a temporary file first). Prints what it took out per service.
 */
public final class UnusedOperations {
  private static final String SERVICES = "software/amazon/awssdk/services/";
  private static final Pattern MARSHALLER =
      Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/transform/([A-Z][A-Za-z0-9]*)RequestMarshaller\\.class");
  private static final Pattern MODEL_NAME =
      Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/model/([A-Z][A-Za-z0-9]*?)(Request|Response)(?:\\$[A-Za-z0-9$]*)?(?![A-Za-z0-9$])");
  private static final Pattern MODEL_ENTRY =
      Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/model/([A-Z][A-Za-z0-9]*?)(Request|Response)(?:\\$[A-Za-z0-9$]*)?\\.class");
  private static final Pattern PLUMBING = Pattern.compile(
      "software/amazon/awssdk/services/([a-z0-9]+)/(?:(?:model|transform|endpoints|paginators|waiters)/.*"
          + "|(?:Default|Delegating)?[A-Za-z0-9]*(?:Async)?Client(?:\\$.*)?\\.class)");

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Map<String, Set<String>> operations = new TreeMap<>();
    Map<String, Set<String>> used = new HashMap<>();
    try (ZipFile shaded = new ZipFile(args[1])) {
      for (ZipEntry entry : Collections.list(shaded.entries())) {
        Matcher marshaller = MARSHALLER.matcher(entry.getName());
        if (marshaller.matches()) {
          operations.computeIfAbsent(marshaller.group(1), k -> new TreeSet<>()).add(marshaller.group(2));
        }
      }
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (!entry.getName().endsWith(".class") || ownPlumbing(entry.getName())) {
          continue;
        }
        String constants;
        try (InputStream in = zip.getInputStream(entry)) {
          constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher named = MODEL_NAME.matcher(constants);
        while (named.find()) {
          used.computeIfAbsent(named.group(1), k -> new HashSet<>()).add(named.group(2));
        }
      }
      Path partial = Files.createTempFile(jar.toAbsolutePath().getParent(), "unused-operations", ".partial");
      Map<String, Integer> taken = new TreeMap<>();
      try (OutputStream stream = Files.newOutputStream(partial); ZipOutputStream out = new ZipOutputStream(stream)) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          Matcher model = MODEL_ENTRY.matcher(entry.getName());
          if (model.matches()
              && operations.getOrDefault(model.group(1), Set.of()).contains(model.group(2))
              && !used.getOrDefault(model.group(1), Set.of()).contains(model.group(2))) {
            taken.merge(model.group(1), 1, Integer::sum);
            continue;
          }
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setTime(entry.getTime());
          out.putNextEntry(copy);
          try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
      Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
      for (Map.Entry<String, Set<String>> service : operations.entrySet()) {
        Set<String> kept = new TreeSet<>(service.getValue());
        kept.retainAll(used.getOrDefault(service.getKey(), Set.of()));
        System.out.printf("%s: %d of %d operations kept %s; %d classes taken out%n", service.getKey(), kept.size(),
            service.getValue().size(), List.copyOf(kept), taken.getOrDefault(service.getKey(), 0));
      }
    }
  }

  /** The service's generated code that names every operation of that service, whatever is called. */
  private static boolean ownPlumbing(String entry) {
    return entry.startsWith(SERVICES) && PLUMBING.matcher(entry).matches();
  }
}
