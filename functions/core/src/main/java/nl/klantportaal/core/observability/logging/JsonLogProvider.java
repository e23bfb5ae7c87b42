package nl.klantportaal.core.observability.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The functions' SLF4J binding (found with {@code ServiceLoader}, META-INF/services): every log event
 * of ours, the AWS SDK's and Powertools' becomes one JSON line on stdout ({@link JsonLogLine}) with the
 * Lambda context Powertools logging puts in the MDC. It replaces log4j (log4j-core, the JSON template
 * layout and the SLF4J bridge: about 2.5 MiB of each artefact and half of its cold start); the
 * decision is in docs/architecture.md.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
  private ILoggerFactory loggerFactory;
  private IMarkerFactory markerFactory;
  private MDCAdapter mdcAdapter;

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    loggerFactory = new JsonLoggerFactory();
    markerFactory = new BasicMarkerFactory();
    mdcAdapter = new BasicMDCAdapter();
  }
}
