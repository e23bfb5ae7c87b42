package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.klantportaal.core.observability.ClassPreload;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;

/**
 * Reads every built artefact (each CodeUri of template.yaml) and holds it to what its functions use:
 *
 * <ul>
 *   <li>it stays within its size budget ({@link #BUDGET_MIB}, a ratchet: lower it when an artefact
 *       shrinks, never raise it without saying why in the README) and within {@link #LIMIT_MIB};</li>
 *   <li>it carries no Apache or Netty HTTP client (url-connection only);</li>
 *   <li>it carries no log4j and no JMESPath (logging is core's own SLF4J provider, and the correlation
 *       id is read from the event), and no Jackson databind and no EMF library (JSON is core's, on
 *       jackson-core; metrics are core's EmfMetrics);</li>
 *   <li>every AWS SDK service client in it is reached, class by class, from the handler of one of its
 *       functions: an artefact carries no client that none of its functions use;</li>
 *   <li>every class of ours and every SDK service class its handlers reach is in it: an optional
 *       dependency or a module split cannot leave a function with a {@code NoClassDefFoundError}. The
 *       one exception is the request and response classes of operations nothing in it calls, which
 *       the build takes out (scripts/UnusedOperations.java): only the service's own plumbing (its
 *       client classes, endpoint interceptors, model, marshallers, paginators and waiters) may name
 *       them, in branches that run for their own operation only;</li>
 *   <li>every AWS SDK class in it links and initialises in a class loader of its own (so the JVM's
 *       verifier finds every class it needs), except the ones that need a library nobody ships in a
 *       function (the CRT): what the trimming and ProGuard took out cannot be needed by what stays.</li>
 * </ul>
 *
 * <p>"Reached" follows the class references of the bytecode (constant pool classes and type
 * descriptors) from the handler classes the template names, inside the artefact. It is a static
 * over-approximation: a client reached through a wiring class counts as used.
 */
class ArtefactsTest {
  private static final SamTemplate TEMPLATE = SamTemplate.project();

  /** No artefact is larger than this, whatever its budget (the latency issue's limit; the per-context issue's was 16). */
  private static final double LIMIT_MIB = 12.0;

  /**
   * Each artefact's size budget in MiB: its size when last measured (shrunk by ProGuard,
   * functions/artefact-shrinking.pro), rounded up to a tenth, plus 0.3, and never over {@link #LIMIT_MIB}.
   */
  private static final Map<String, Double> BUDGET_MIB = Map.of(
      "platform", 1.3,
      "billing", 9.8,
      "reports", 10.1,
      "inbound-mail", 9.5,
      // raised from 7.0 with the e-mail-change notice, which brings the notifications and ticketing modules (README, "Deploying")
      "identity", 7.6,
      "privacy", 7.2,
      "knowledge", 7.6,
      "notifications", 6.5,
      "sla", 6.8,
      "tickets", 7.6);

  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([A-Za-z_$0-9/]+)[;<]");
  private static final Pattern SERVICE = Pattern.compile("^software/amazon/awssdk/services/([a-z0-9]+)/");
  /** An operation's request or response class (or one of its builders), as scripts/UnusedOperations.java reads them. */
  private static final Pattern OPERATION_CLASS =
      Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/model/[A-Z][A-Za-z0-9]*?(?:Request|Response)(?:\\$[A-Za-z0-9$]*)?");
  /** A service's generated plumbing, which names every operation of the service (scripts/UnusedOperations.java). */
  private static final Pattern PLUMBING = Pattern.compile(
      "software/amazon/awssdk/services/([a-z0-9]+)/(?:(?:model|transform|endpoints|paginators|waiters)/.*"
          + "|(?:Default|Delegating)?[A-Za-z0-9]*(?:Async)?Client(?:\\$.*)?)");
  /** Libraries no function ships, whose classes only unused SDK code names (the CRT HTTP client and signer). */
  private static final List<String> NOT_SHIPPED = List.of("software/amazon/awssdk/crt/");

  @TestFactory
  Stream<DynamicTest> everyArtefactCarriesOnlyWhatItsFunctionsUse() {
    Map<String, List<String>> handlersByCodeUri = new TreeMap<>();
    TEMPLATE.resourcesOfType(SamTemplate.FUNCTION).forEach(function -> {
      Map<String, Object> properties = TEMPLATE.functionProperties(function);
      String handler = Yamls.string(properties.get("Handler"));
      handlersByCodeUri.computeIfAbsent(Yamls.string(properties.get("CodeUri")), k -> new java.util.ArrayList<>())
          .add(handler.substring(0, handler.indexOf("::")).replace('.', '/'));
    });
    assertEquals(BUDGET_MIB.keySet(), handlersByCodeUri.keySet().stream().map(ArtefactsTest::module).collect(Collectors.toSet()),
        "every artefact has a budget, and every budget an artefact");
    return handlersByCodeUri.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(),
        () -> check(entry.getKey(), entry.getValue())));
  }

  private static void check(String codeUri, List<String> handlers) throws IOException {
    Path jar = SamTemplate.projectRoot().resolve(codeUri);
    assertTrue(Files.isRegularFile(jar), codeUri + " is built (./mvnw package)");
    double mib = Files.size(jar) / (1024.0 * 1024.0);
    double budget = Math.min(LIMIT_MIB, BUDGET_MIB.get(module(codeUri)));
    Artefact artefact = Artefact.read(jar);
    Set<String> httpClients = artefact.classes.keySet().stream()
        .filter(name -> name.startsWith("org/apache/http/") || name.startsWith("io/netty/")
            || name.startsWith("software/amazon/awssdk/http/apache") || name.startsWith("software/amazon/awssdk/http/nio/netty"))
        .collect(Collectors.toSet());
    Set<String> leftOut = artefact.classes.keySet().stream()
        .filter(name -> name.startsWith("org/apache/logging/log4j/") || name.startsWith("io/burt/jmespath/")
            || name.startsWith("com/fasterxml/jackson/databind/") || name.startsWith("software/amazon/cloudwatchlogs/emf/"))
        .collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>();
    Set<String> reached = artefact.reachableFrom(handlers, missing);
    Set<String> unused = services(artefact.classes.keySet());
    unused.removeAll(services(reached));
    assertAll(codeUri,
        () -> assertTrue(mib <= budget, String.format("%s is %.1f MiB, over its budget of %.1f MiB", codeUri, mib, budget)),
        () -> assertEquals(Set.of(), httpClients, codeUri + " carries an Apache or Netty HTTP client"),
        () -> assertEquals(Set.of(), leftOut, codeUri + " carries log4j, JMESPath, Jackson databind or the EMF library"),
        () -> assertEquals(Set.of(), missing, codeUri + ": classes its handlers reach that are not in it"),
        () -> assertEquals(Set.of(), unused, codeUri + " carries SDK clients none of its functions ("
            + String.join(", ", handlers) + ") reach"));
  }

  private static Set<String> services(Set<String> classNames) {
    Set<String> services = new TreeSet<>();
    for (String name : classNames) {
      Matcher m = SERVICE.matcher(name);
      if (m.find()) {
        services.add(m.group(1));
      }
    }
    return services;
  }

  private static String module(String codeUri) {
    return codeUri.split("/")[1];
  }

  /** The classes of a jar and the classes each refers to. */
  private record Artefact(Map<String, Set<String>> classes) {
    static Artefact read(Path jar) throws IOException {
      Map<String, Set<String>> classes = new HashMap<>();
      try (JarFile file = new JarFile(jar.toFile())) {
        var entries = file.entries();
        while (entries.hasMoreElements()) {
          var entry = entries.nextElement();
          String name = entry.getName();
          if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
            continue;
          }
          try (InputStream in = file.getInputStream(entry)) {
            classes.put(name.substring(0, name.length() - ".class".length()), references(in.readAllBytes()));
          }
        }
      }
      return new Artefact(classes);
    }

    /** The classes a class file names: its constant pool's classes and every type in its descriptors. */
    private static Set<String> references(byte[] bytes) {
      ClassReader reader = new ClassReader(bytes);
      char[] buffer = new char[reader.getMaxStringLength()];
      Set<String> names = new TreeSet<>();
      for (int i = 1; i < reader.getItemCount(); i++) {
        int offset = reader.getItem(i);
        if (offset <= 0) {
          continue;
        }
        int tag = bytes[offset - 1];
        if (tag == 7) { // CONSTANT_Class
          String name = reader.readUTF8(offset, buffer);
          names.add(name.startsWith("[") ? name.replaceAll("^\\[+L?|;$", "") : name);
        } else if (tag == 1) { // CONSTANT_Utf8 (descriptors and signatures are ASCII): u2 length, then the bytes
          String text = new String(bytes, offset + 2, reader.readUnsignedShort(offset), StandardCharsets.ISO_8859_1);
          Matcher types = DESCRIPTOR_TYPE.matcher(text);
          while (types.find()) {
            names.add(types.group(1));
          }
        }
      }
      return names;
    }

    /** The classes reachable from {@code roots}; references of ours or to SDK clients that are absent go to {@code missing}. */
    Set<String> reachableFrom(List<String> roots, Set<String> missing) {
      Set<String> seen = new TreeSet<>();
      Deque<String> queue = new ArrayDeque<>(roots);
      Map<String, String> via = new LinkedHashMap<>();
      while (!queue.isEmpty()) {
        String name = queue.pop();
        if (!seen.add(name)) {
          continue;
        }
        Set<String> refs = classes.get(name);
        if (refs == null) {
          if (name.startsWith("nl/klantportaal/") || SERVICE.matcher(name).find()) {
            missing.add(name + " (from " + via.get(name) + ")");
          }
          continue;
        }
        for (String ref : refs) {
          if (!classes.containsKey(ref) && trimmedOperation(name, ref)) {
            continue;
          }
          if (!seen.contains(ref) && !ref.startsWith("java/") && !ref.startsWith("javax/") && !ref.startsWith("jdk/")
              && !ref.startsWith("sun/")) {
            via.putIfAbsent(ref, name);
            queue.push(ref);
          }
        }
      }
      seen.retainAll(classes.keySet());
      return seen;
    }

    /** An operation's class that the build took out, named by its own service's plumbing. */
    private static boolean trimmedOperation(String from, String ref) {
      Matcher operation = OPERATION_CLASS.matcher(ref);
      Matcher plumbing = PLUMBING.matcher(from);
      return operation.matches() && plumbing.matches() && operation.group(1).equals(plumbing.group(1));
    }
  }

  /** The API functions without a class list, and why: ClassPreload's lists are written from runs that succeed. */
  private static final Map<String, String> WITHOUT_CLASS_LIST = Map.of(
      "AccountSecurityFunction", "every sample changes the account (a password, an authenticator): none to record a list from",
      "AttachmentsFunction", "its GET samples download attachments the benchmark does not store (it runs no S3): only 404s");

  /**
   * Every API function but those in {@link #WITHOUT_CLASS_LIST} has a class list ({@code ClassPreload}), and it
   * names only classes its artefact has (the JDK's, marked {@code ?}, load where the JDK has them): a list lost in
   * packaging, or out of date after a change, fails here, not as a line in the function's log. Each name is looked up
   * in the artefact, not loaded: {@link #everySdkClassOfEveryArtefactLinks} already loads and links every SDK class,
   * and {@code ClassPreloadTest} loads a list through {@code ClassPreload.load}. Write the lists again with the
   * command in README, "Benchmarks".
   */
  @TestFactory
  Stream<DynamicTest> everyApiFunctionsClassListNamesOnlyClassesOfItsArtefact() {
    return TEMPLATE.resourcesOfType(SamTemplate.FUNCTION).stream()
        .filter(function -> !TEMPLATE.events(function, "HttpApi").isEmpty())
        .filter(function -> !WITHOUT_CLASS_LIST.containsKey(function.logicalId()))
        .map(function -> {
          Map<String, Object> properties = TEMPLATE.functionProperties(function);
          String handler = Yamls.string(properties.get("Handler")).split("::")[0];
          Path jar = SamTemplate.projectRoot().resolve(Yamls.string(properties.get("CodeUri")));
          return DynamicTest.dynamicTest(function.logicalId() + " (" + handler + ")", () -> {
            try (JarFile file = new JarFile(jar.toFile())) {
              JarEntry list = file.getJarEntry(ClassPreload.listOf(handler));
              assertNotNull(list, jar.getFileName() + " has no class list " + ClassPreload.listOf(handler));
              List<ClassPreload.Entry> entries;
              try (InputStream in = file.getInputStream(list)) {
                entries = ClassPreload.entries(new InputStreamReader(in, StandardCharsets.UTF_8));
              }
              List<String> own = entries.stream().filter(entry -> !entry.jdk()).map(ClassPreload.Entry::name).toList();
              List<String> missing = own.stream().filter(name -> file.getJarEntry(name.replace('.', '/') + ".class") == null).toList();
              assertEquals(List.of(), missing, handler + "'s class list is out of date: classes its artefact lacks");
              assertTrue(own.size() > 100, handler + "'s class list names " + own.size() + " classes of its artefact");
            }
          });
        });
  }

  @TestFactory
  Stream<DynamicTest> everySdkClassOfEveryArtefactLinks() {
    return TEMPLATE.resourcesOfType(SamTemplate.FUNCTION).stream()
        .map(function -> Yamls.string(TEMPLATE.functionProperties(function).get("CodeUri")))
        .distinct().sorted()
        .map(codeUri -> DynamicTest.dynamicTest(codeUri, () -> assertEquals(Map.of(), unlinkable(codeUri),
            codeUri + ": SDK classes that do not link (class -> the error)")));
  }

  /** Loads and initialises every AWS SDK class of the artefact in its own class loader; answers those that fail. */
  private static Map<String, String> unlinkable(String codeUri) throws IOException {
    Path jar = SamTemplate.projectRoot().resolve(codeUri);
    Map<String, String> failed = new TreeMap<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        JarFile file = new JarFile(jar.toFile())) {
      for (String entry : file.stream().map(JarEntry::getName).sorted().toList()) {
        if (!entry.startsWith("software/amazon/awssdk/") || !entry.endsWith(".class")) {
          continue;
        }
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        try {
          Class.forName(name, true, loader);
        } catch (LinkageError e) {
          String message = String.valueOf(e.getMessage());
          if (NOT_SHIPPED.stream().noneMatch(message::startsWith)) {
            failed.put(name, e.toString());
          }
        } catch (ClassNotFoundException e) {
          failed.put(name, e.toString());
        }
      }
    }
    return failed;
  }
}
