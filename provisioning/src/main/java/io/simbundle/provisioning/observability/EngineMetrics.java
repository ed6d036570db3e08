package io.simbundle.provisioning.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.simbundle.platform.database.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The engine's meters in Prometheus form. Request meters are fed as requests complete; the figures
 * read from the database (orders by state, stock left per campaign) are read again at a scrape when
 * the last reading is older than {@link #READING_AGE}, so frequent scrapes cost one query a few
 * seconds at most.
 */
public final class EngineMetrics {

  static final Duration READING_AGE = Duration.ofSeconds(5);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DataSource dataSource;
  private final MultiGauge ordersByState;
  private final MultiGauge stockLeft;
  private long readAtNanos;

  public EngineMetrics(DataSource dataSource) {
    this.dataSource = dataSource;
    this.ordersByState =
        MultiGauge.builder("simbundle.orders")
            .description("Orders by TMF622 state")
            .register(registry);
    this.stockLeft =
        MultiGauge.builder("simbundle.campaign.stock.remaining")
            .description("Units a presale campaign has left")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Reports the outbox's backlog, read at each scrape. */
  public void watchOutbox(Supplier<Number> backlog) {
    Gauge.builder("simbundle.outbox.backlog", backlog)
        .description("Store callbacks and partner notices waiting for delivery")
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter, database figures at most a few seconds old. */
  public synchronized String scrape() {
    if (readAtNanos == 0 || System.nanoTime() - readAtNanos > READING_AGE.toNanos()) {
      ordersByState.register(
          rows("SELECT state, COUNT(*) FROM product_order GROUP BY state", "state"), true);
      stockLeft.register(
          rows(
              "SELECT campaign_code, SUM(remaining) FROM campaign_stock_slice GROUP BY campaign_code",
              "campaign"),
          true);
      readAtNanos = System.nanoTime();
    }
    return registry.scrape();
  }

  private List<MultiGauge.Row<?>> rows(String sql, String tag) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        rows.add(MultiGauge.Row.of(Tags.of(tag, row.getString(1)), row.getLong(2)));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot read figures for the metrics: " + e.getMessage(), e);
    }
    return rows;
  }
}
