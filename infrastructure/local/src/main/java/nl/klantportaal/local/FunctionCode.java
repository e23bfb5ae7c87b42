package nl.klantportaal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a function's classes come from. By default ({@code artefacts}) each function runs from its
 * template CodeUri, the shrunk jar that is deployed, in a class loader of its own that sees nothing of
 * the local cloud's class path: only the JDK and the Lambda runtime interfaces
 * (aws-lambda-java-core), which the local cloud hands in as the real runtime does. So every journey,
 * test and demo through the local cloud runs the code as shipped, and a class the shrinking dropped
 * fails here, not in AWS. {@code -Dklantportaal.local.functions=classpath} (or the environment
 * variable {@code KLANTPORTAAL_LOCAL_FUNCTIONS}) runs them from the build's class path instead, for
 * debugging a function's source without packaging it.
 */
public sealed interface FunctionCode {

  /** The class loader the handler is loaded with, and the thread context loader while it runs. */
  ClassLoader loader();

  /** What the console summary says about it. */
  String describe();

  static FunctionCode forFunction(Path codeUri) {
    String mode = System.getProperty("klantportaal.local.functions",
        System.getenv().getOrDefault("KLANTPORTAAL_LOCAL_FUNCTIONS", "artefacts")).toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "artefacts" -> Artefact.of(codeUri);
      case "classpath" -> new ClassPath();
      default -> throw new StartFailure("klantportaal.local.functions is '" + mode + "'; it is 'artefacts' or 'classpath'");
    };
  }

  /** The local cloud's own class path (the build's classes). */
  record ClassPath() implements FunctionCode {
    @Override
    public ClassLoader loader() {
      return FunctionCode.class.getClassLoader();
    }

    @Override
    public String describe() {
      return "the build's class path";
    }
  }

  /**
   * The CodeUri jar, one loader per built version of it for the whole JVM (the functions of one
   * artefact share it, as they share its classes). The loader reads a copy taken when it is made, so
   * a build that rewrites the jar while the local cloud runs cannot change classes under it; the
   * next cloud started in this JVM gets the new build.
   */
  record Artefact(Path jar, ClassLoader loader) implements FunctionCode {
    private static final Map<String, Artefact> LOADED = new ConcurrentHashMap<>();

    static Artefact of(Path codeUri) {
      Path jar = codeUri.toAbsolutePath().normalize();
      if (!Files.isRegularFile(jar)) {
        throw new StartFailure("The function artefact " + jar + " is missing. Build it first (./mvnw -B package"
            + " -DskipTests), or run the functions from the class path: -Dklantportaal.local.functions=classpath.");
      }
      try {
        String version = jar + "@" + Files.getLastModifiedTime(jar).toMillis() + "/" + Files.size(jar);
        return LOADED.computeIfAbsent(version, v -> load(jar));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Artefact load(Path jar) {
      try {
        Path copy = Files.createTempFile("klantportaal-" + jar.getFileName().toString().replace(".jar", "-"), ".jar");
        copy.toFile().deleteOnExit();
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        URL url = copy.toUri().toURL();
        return new Artefact(jar, new URLClassLoader(jar.getFileName().toString(), new URL[] {url}, RuntimeApi.INSTANCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String describe() {
      return jar.getFileName().toString();
    }
  }

  /**
   * The parent of every artefact loader: the JDK, plus the Lambda runtime's interfaces (Context,
   * RequestHandler, RequestStreamHandler, LambdaLogger) from the local cloud, so that the local cloud
   * can call the handler and hand it a context. Event types, Jackson and everything else come from
   * the artefact.
   */
  final class RuntimeApi extends ClassLoader {
    static final RuntimeApi INSTANCE = new RuntimeApi();
    private static final String RUNTIME = "com.amazonaws.services.lambda.runtime.";

    private RuntimeApi() {
      super("lambda-runtime-api", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (isRuntimeApi(name)) {
        return FunctionCode.class.getClassLoader().loadClass(name);
      }
      return super.loadClass(name, resolve);
    }

    static boolean isRuntimeApi(String name) {
      if (!name.startsWith(RUNTIME)) {
        return false;
      }
      String rest = name.substring(RUNTIME.length());
      return !rest.contains(".") || rest.startsWith("logging.");
    }
  }
}
