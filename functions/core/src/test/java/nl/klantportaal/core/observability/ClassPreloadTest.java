package nl.klantportaal.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassPreloadTest {
  static final AtomicBoolean INITIALISED = new AtomicBoolean();

  /** A class of a list: its static initialiser must not run on the preload thread. */
  static final class Listed {
    static {
      INITIALISED.set(true);
    }
  }

  /** The handler whose list is in this module's test resources. */
  static final class Handler {}

  /** Records the names it is asked for, and delegates. */
  static final class Recording extends ClassLoader {
    final Set<String> asked = ConcurrentHashMap.newKeySet();

    Recording() {
      super(ClassPreloadTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void loadsEveryListedClassWithoutInitialisingItAndNamesTheArtefactsOnesItCannot() {
    ClassPreload.Outcome outcome = ClassPreload.load(new StringReader("""
        # written by the benchmark
        ?java.util.concurrent.ConcurrentSkipListMap
        ?java.lang.ClassOfANewerJdk

        nl.klantportaal.core.observability.ClassPreloadTest$Listed  # a comment after a name
        nl.klantportaal.core.observability.NoSuchClass
        """), ClassPreloadTest.class.getClassLoader());

    assertEquals(2, outcome.loaded());
    assertEquals(1, outcome.absent(), "a JDK class this JDK lacks is absent, not a fault");
    assertEquals(1, outcome.failed().size());
    assertTrue(outcome.failed().get(0).startsWith("nl.klantportaal.core.observability.NoSuchClass (java.lang.ClassNotFoundException"),
        outcome.failed().get(0));
    assertFalse(INITIALISED.get(), "a listed class is loaded, its static initialiser does not run");
    assertEquals(List.of(new ClassPreload.Entry("java.util.HashMap", true), new ClassPreload.Entry("nl.example.Handler", false)),
        ClassPreload.entries(new StringReader("?java.util.HashMap\n\n# a comment\nnl.example.Handler # its handler\n")),
        "the names a list gives, the JDK's marked");
  }

  @Test
  void onlyInLambdaAHandlerWithAListGetsAThreadThatLoadsIt() throws InterruptedException {
    Recording loader = new Recording();
    assertEquals(Optional.empty(), ClassPreload.prepare(Map.of(), loader), "not in Lambda: no _HANDLER");
    assertEquals(Optional.empty(), ClassPreload.prepare(Map.of("_HANDLER", "nl.example.Unlisted::handleRequest"), loader));
    assertFalse(ClassPreload.startForLambdaHandler(Map.of(), loader));
    assertEquals(Set.of(), loader.asked);

    Thread thread = ClassPreload.prepare(Map.of("_HANDLER", Handler.class.getName() + "::handleRequest"), loader)
        .orElseThrow();
    assertTrue(thread.isDaemon(), "it never keeps a container's JVM alive");
    thread.start();
    thread.join();
    assertEquals(Set.of("java.util.concurrent.ConcurrentSkipListMap", Listed.class.getName()), loader.asked);
    assertFalse(INITIALISED.get());
  }
}
