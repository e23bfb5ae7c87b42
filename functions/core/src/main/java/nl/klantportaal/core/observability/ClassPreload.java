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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the classes a function's requests need on a second thread while Lambda initialises the
 * function, so its first request finds many of them loaded instead of reading, parsing and defining them
 * one after another. The classes are the function's class list: {@code META-INF/klantportaal/preload/<handler
 * class>.txt} in its artefact, one class name per line in the order a cold run loaded them (written by
 * the benchmark module, {@code -Dbench.writePreloadLists=true}; README, "Benchmarks"). This is
 * Powertools' and Quarkus' class preloading (a list recorded with {@code -Xlog:class+load}), run
 * during init instead of only before a SnapStart snapshot.
 *
 * <p>A name marked {@code ?} is the JDK's: loaded when this JDK has it. The list is recorded on the
 * build's JDK, and Lambda's (Corretto 21) lacks some of a newer one's internal classes; such a name is
 * counted as {@link Outcome#absent}, not as a fault. Any other name is the artefact's, and one that does
 * not load means the list is out of date.</p>
 *
 * <p>Classes are loaded, not initialised: no static initialiser runs on this thread, so none can run in
 * another order than the handler's, wait for one the handler's thread is running, or read settings
 * before the handler made them. Lambda's runtime loads the function through a class loader that is not
 * parallel capable: both threads then take turns on its lock, and this one loads while the handler's
 * thread does other work (initialisers, lambdas, its calls to DynamoDB). It runs only in Lambda ({@code
 * _HANDLER} set) for a handler that has a list; under SnapStart the priming waits for it before the
 * snapshot.</p>
 */
public final class ClassPreload {
  static final String LISTS = "META-INF/klantportaal/preload/";
  /** The mark of a JDK class: loaded if this JDK has it. */
  static final String JDK_MARK = "?";
  private static final AtomicReference<Thread> RUNNING = new AtomicReference<>();

  private ClassPreload() {}

  /**
   * What a list loaded: the classes loaded, each artefact class that failed with its reason, and the JDK
   * classes this JDK does not have.
   */
  public record Outcome(int loaded, List<String> failed, int absent) {
    public Outcome {
      failed = List.copyOf(failed);
    }
  }

  /**
   * Starts loading the list of the handler Lambda names in {@code _HANDLER} ({@code
   * pkg.Handler::handleRequest}), once per container, if it has one; answers whether it started.
   */
  public static boolean startForLambdaHandler(Map<String, String> environment, ClassLoader loader) {
    Optional<Thread> thread = RUNNING.get() == null ? prepare(environment, loader) : Optional.empty();
    if (thread.isEmpty() || !RUNNING.compareAndSet(null, thread.get())) {
      return false;
    }
    thread.get().start();
    return true;
  }

  /** The daemon thread that would load the list of the handler {@code _HANDLER} names, not started. */
  static Optional<Thread> prepare(Map<String, String> environment, ClassLoader loader) {
    String handler = environment.getOrDefault("_HANDLER", "");
    if (handler.isBlank()) {
      return Optional.empty();
    }
    InputStream list = loader.getResourceAsStream(listOf(handler.split("::", 2)[0].trim()));
    if (list == null) {
      return Optional.empty();
    }
    Thread thread = new Thread(() -> report(handler, load(new InputStreamReader(list, StandardCharsets.UTF_8), loader)),
        "class-preload");
    thread.setDaemon(true);
    return Optional.of(thread);
  }

  /** The resource that holds a handler class's list. */
  public static String listOf(String handlerClass) {
    return LISTS + handlerClass + ".txt";
  }

  /** Waits until a started list is loaded: the SnapStart snapshot then holds every class of it. */
  public static void awaitLoaded() {
    Thread thread = RUNNING.get();
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the class list loaded", e);
      }
    }
  }

  /** One line of a list: a class name, and whether it is the JDK's (marked {@value #JDK_MARK}). */
  public record Entry(String name, boolean jdk) {}

  /** The classes a list names, in order (blank lines and lines from {@code #} on are skipped). */
  public static List<Entry> entries(Reader list) {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(list)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String entry = line.contains("#") ? line.substring(0, line.indexOf('#')).trim() : line.trim();
        if (!entry.isEmpty()) {
          boolean jdk = entry.startsWith(JDK_MARK);
          entries.add(new Entry(jdk ? entry.substring(JDK_MARK.length()).trim() : entry, jdk));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the class list could not be read", e);
    }
    return entries;
  }

  /** Loads every class the list names ({@link #entries}) without initialising it. */
  public static Outcome load(Reader list, ClassLoader loader) {
    int loaded = 0;
    int absent = 0;
    List<String> failed = new ArrayList<>();
    for (Entry entry : entries(list)) {
      try {
        Class.forName(entry.name(), false, loader);
        loaded++;
      } catch (ClassNotFoundException e) {
        if (entry.jdk()) {
          absent++; // a newer JDK's class than this one
        } else {
          failed.add(entry.name() + " (" + e + ")");
        }
      } catch (LinkageError e) {
        failed.add(entry.name() + " (" + e + ")");
      }
    }
    return new Outcome(loaded, failed, absent);
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
