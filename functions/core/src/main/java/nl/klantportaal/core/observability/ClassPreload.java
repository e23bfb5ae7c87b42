package nl.klantportaal.core.observability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the classes a function's requests need on a second thread while Lambda initialises the
 * function, so its first request finds them loaded instead of reading, parsing and defining them one
 * after another. The classes are the function's class list: {@code META-INF/klantportaal/preload/<handler
 * class>.txt} in its artefact, one class name per line in the order a cold run loaded them (written by
 * the benchmark module, {@code -Dbench.writePreloadLists=true}; README, "Benchmarks"). This is
 * Powertools' and Quarkus' class preloading (a list recorded with {@code -Xlog:class+load}), run
 * during init instead of only before a SnapStart snapshot.
 *
 * <p>Classes are loaded, not initialised: no static initialiser runs on this thread, so none can run in
 * another order than the handler's, wait for one the handler's thread is running, or read settings
 * before the handler made them. Loading is safe alongside the handler's own: the class loader locks a
 * class name, and a superclass never waits for its subclass. It runs only in Lambda ({@code _HANDLER}
 * set) for a handler that has a list; under SnapStart the priming waits for it before the snapshot.</p>
 */
public final class ClassPreload {
  static final String LISTS = "META-INF/klantportaal/preload/";
  private static volatile Optional<Thread> running = Optional.empty();

  private ClassPreload() {}

  /** What a list loaded: the number of classes, and each name that failed with its reason. */
  public record Outcome(int loaded, List<String> failed) {
    public Outcome {
      failed = List.copyOf(failed);
    }
  }

  /**
   * Starts loading the list of the handler Lambda names in {@code _HANDLER} ({@code
   * pkg.Handler::handleRequest}), if it has one; answers whether it started.
   */
  public static boolean startForLambdaHandler(Map<String, String> environment, ClassLoader loader) {
    String handler = environment.getOrDefault("_HANDLER", "");
    if (handler.isBlank() || running.isPresent()) {
      return false;
    }
    InputStream list = loader.getResourceAsStream(listOf(handler.split("::", 2)[0].trim()));
    if (list == null) {
      return false;
    }
    Thread thread = new Thread(() -> report(handler, load(new InputStreamReader(list, StandardCharsets.UTF_8), loader)),
        "class-preload");
    thread.setDaemon(true);
    running = Optional.of(thread);
    thread.start();
    return true;
  }

  /** The resource that holds a handler class's list. */
  public static String listOf(String handlerClass) {
    return LISTS + handlerClass + ".txt";
  }

  /** Waits until a started list is loaded: the SnapStart snapshot then holds every class of it. */
  public static void awaitLoaded() {
    Optional<Thread> thread = running;
    if (thread.isPresent()) {
      try {
        thread.get().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the class list loaded", e);
      }
    }
  }

  /**
   * Loads every class the list names (blank lines and lines from {@code #} on are skipped) without
   * initialising it.
   */
  public static Outcome load(Reader list, ClassLoader loader) {
    int loaded = 0;
    List<String> failed = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(list)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.contains("#") ? line.substring(0, line.indexOf('#')).trim() : line.trim();
        if (name.isEmpty()) {
          continue;
        }
        try {
          Class.forName(name, false, loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError e) {
          failed.add(name + " (" + e + ")");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the class list could not be read", e);
    }
    return new Outcome(loaded, failed);
  }

  /**
   * A list that names a class the artefact lacks is out of date (the artefact test refuses that in the
   * build): said once on standard error, which Lambda keeps in the function's log. Not through the
   * logger: that would initialise the logging classes on this thread.
   */
  private static void report(String handler, Outcome outcome) {
    if (!outcome.failed().isEmpty()) {
      System.err.println("klantportaal class list of " + handler + ": " + outcome.failed().size() + " of "
          + (outcome.loaded() + outcome.failed().size()) + " classes not loaded, the list is out of date; first: "
          + outcome.failed().get(0));
    }
  }
}
