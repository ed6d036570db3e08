package io.simbundle.provisioning.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.simbundle.charging.cluster.ClusterStatus;
import io.simbundle.charging.gy.guard.PeerGuardStatus;
import io.simbundle.platform.database.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
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
  private final MultiGauge stockInitial;
  private final AtomicLong deadLetters = new AtomicLong();
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
    this.stockInitial =
        MultiGauge.builder("simbundle.campaign.stock.initial")
            .description("Units a presale campaign started with")
            .register(registry);
    Gauge.builder("simbundle.outbox.dead.letters", deadLetters, AtomicLong::get)
        .description("Store callbacks and partner notices given up on, waiting for a re-drive")
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

  /**
   * Reports this charging node's part of the cluster, read at each scrape: the shards it decides
   * for, its lease changes by kind, and the requests it sent to another node.
   */
  public void watchCluster(
      Supplier<ClusterStatus> cluster,
      Supplier<Number> sentElsewhere,
      Supplier<Number> waitedForTake) {
    Gauge.builder("simbundle.charging.shards.owned", () -> cluster.get().shards().size())
        .description("Shards this node decides for")
        .register(registry);
    Gauge.builder(
            "simbundle.charging.nodes.alive",
            () -> cluster.get().peers().stream().filter(ClusterStatus.Peer::alive).count())
        .description("Charging nodes that renewed their leases within a lease")
        .register(registry);
    FunctionCounter.builder(
            "simbundle.charging.lease.changes", cluster, c -> c.get().acquisitions())
        .tag("change", "acquired")
        .description("Shard leases taken, lost or given back by this node")
        .register(registry);
    FunctionCounter.builder("simbundle.charging.lease.changes", cluster, c -> c.get().losses())
        .tag("change", "lost")
        .register(registry);
    FunctionCounter.builder("simbundle.charging.lease.changes", cluster, c -> c.get().releases())
        .tag("change", "released")
        .register(registry);
    FunctionCounter.builder("simbundle.charging.takeovers", cluster, c -> c.get().takeovers())
        .description("Shards taken from a node whose lease lapsed")
        .register(registry);
    FunctionCounter.builder(
            "simbundle.gy.sent.elsewhere", sentElsewhere, s -> s.get().doubleValue())
        .description("Requests answered 3006 (redirect) or 3004 (no owner): another node's")
        .register(registry);
    FunctionCounter.builder(
            "simbundle.gy.waited.for.take", waitedForTake, w -> w.get().doubleValue())
        .description("Requests that arrived while this node took their shard, and waited for it")
        .register(registry);
  }

  /** The Diameter port's connections, and those it refused or closed, by why. */
  public void watchDiameterPeers(Supplier<PeerGuardStatus> peers) {
    Gauge.builder("simbundle.diameter.connections", () -> peers.get().connections())
        .description("Diameter peers connected now")
        .register(registry);
    Gauge.builder("simbundle.diameter.connections.unopened", () -> peers.get().unopened())
        .description("Connections whose capabilities exchange is not done")
        .register(registry);
    closedPeers(peers, "over_limit", PeerGuardStatus::refused);
    closedPeers(peers, "bad_message", PeerGuardStatus::badMessages);
    closedPeers(peers, "not_cer", PeerGuardStatus::notCapabilitiesExchange);
    closedPeers(peers, "cer_timeout", PeerGuardStatus::timedOut);
  }

  private void closedPeers(
      Supplier<PeerGuardStatus> peers, String why, ToLongFunction<PeerGuardStatus> count) {
    FunctionCounter.builder(
            "simbundle.diameter.connections.refused", peers, p -> count.applyAsLong(p.get()))
        .tag("reason", why)
        .description("Peer connections refused or closed by the Diameter port's guard")
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
      stockInitial.register(
          rows(
              "SELECT campaign_code, SUM(initial) FROM campaign_stock_slice GROUP BY campaign_code",
              "campaign"),
          true);
      deadLetters.set(count("SELECT COUNT(*) FROM outbox_dead_letter"));
      readAtNanos = System.nanoTime();
    }
    return registry.scrape();
  }

  private long count(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      return row.next() ? row.getLong(1) : 0;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot read figures for the metrics: " + e.getMessage(), e);
    }
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
