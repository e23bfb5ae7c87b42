package nl.klantportaal.core.api;

/** Implemented by every HttpApi handler, so tests can hold its routes against template.yaml. */
public interface ApiHandler {
  Routes routes();
}
