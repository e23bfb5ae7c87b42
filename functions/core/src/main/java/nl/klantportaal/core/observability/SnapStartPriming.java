package nl.klantportaal.core.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Before Lambda takes the SnapStart snapshot, runs one representative request through the function
 * (JSON mapping, routing, SDK client, a DynamoDB round trip), so the snapshot holds loaded and
 * initialised classes instead of paying for them on the first restored request. Registered only
 * when the function really starts for a snapshot; elsewhere (tests, local cloud) it does nothing.
 */
public final class SnapStartPriming implements Resource {
  /** org.crac keeps weak references to resources: hold them here for the life of the container. */
  private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

  private final Runnable prime;

  private SnapStartPriming(Runnable prime) {
    this.prime = prime;
  }

  public static boolean register(Map<String, String> environment, Runnable prime) {
    if (!"snap-start".equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
      return false;
    }
    SnapStartPriming resource = new SnapStartPriming(prime);
    REGISTERED.add(resource);
    Core.getGlobalContext().register(resource);
    return true;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    ClassPreload.awaitLoaded();
    prime.run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: clients hold no per-container credentials (SnapStart serves them from
    // the container endpoint) and the cursor key is the same secret for every container.
  }
}
