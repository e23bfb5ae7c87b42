package nl.klantportaal.core.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The routes of one function, found by the route key API Gateway puts in the event. */
public final class Routes {
  private final Map<String, Route> byKey = new LinkedHashMap<>();

  private Routes() {}

  public static Routes of(Route... routes) {
    Routes result = new Routes();
    for (Route route : routes) {
      if (result.byKey.put(route.routeKey(), route) != null) {
        throw new IllegalArgumentException("Route declared twice: " + route.routeKey());
      }
    }
    return result;
  }

  public Optional<Route> find(String routeKey) {
    return Optional.ofNullable(byKey.get(routeKey));
  }

  public Collection<Route> all() {
    return byKey.values();
  }
}
