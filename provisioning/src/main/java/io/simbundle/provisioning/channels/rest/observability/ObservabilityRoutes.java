package io.simbundle.provisioning.channels.rest.observability;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.cluster.ClusterStatus;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.guard.PeerGuardStatus;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.observability.EngineMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What operators and their monitoring read: {@code GET /metrics}, the Prometheus exposition of the
 * engine's meters, and {@code GET /health}, whether the database answers and the Gy server takes
 * connections (200 when both do, 503 otherwise), with the Diameter peers (PCEFs) and their states;
 * a PCEF that is gone does not make the engine unhealthy, it is for the operator to see. Neither
 * shows personal data, so neither asks for credentials; keep them on the operators' network.
 */
public final class ObservabilityRoutes extends RouteBuilder {

  private static final int PROBE_SECONDS = 2;

  private final EngineMetrics metrics;
  private final DataSource dataSource;
  private final ChargingFunction charging;
  private final Supplier<Map<String, Object>> sms;

  /**
   * @param sms the SMS channel's state: shown, never making the engine unhealthy (a subscriber's
   *     SMS waits in the outbox while the SMSC is away)
   */
  public ObservabilityRoutes(
      EngineMetrics metrics,
      DataSource dataSource,
      ChargingFunction charging,
      Supplier<Map<String, Object>> sms) {
    this.metrics = metrics;
    this.dataSource = dataSource;
    this.charging = charging;
    this.sms = sms;
  }

  @Override
  public void configure() {
    rest()
        .get("/metrics")
        .id("metrics")
        .to("direct:metrics")
        .get("/health")
        .id("health")
        .to("direct:health");
    from("direct:metrics")
        .process(
            e ->
                HttpResponses.write(
                    e,
                    200,
                    "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape(),
                    Map.of()));
    from("direct:health").process(this::health);
  }

  private void health(Exchange exchange) {
    boolean databaseUp = databaseAnswers();
    boolean diameterUp = charging.listening();
    DiameterIdentity gy = charging.identity();
    Map<String, Object> diameter = new LinkedHashMap<>();
    diameter.put("status", status(diameterUp));
    diameter.put("listening", gy.address() + ":" + gy.port());
    diameter.put(
        "peers",
        charging.peers().stream()
            .map(p -> Map.of("host", p.host(), "realm", p.realm(), "state", p.state()))
            .toList());
    PeerGuardStatus connections = charging.connections();
    diameter.put(
        "connections",
        Map.of(
            "open", connections.connections(),
            "unopened", connections.unopened(),
            "refused", connections.refused(),
            "closedBadMessage", connections.badMessages(),
            "closedNoCapabilitiesExchange",
                connections.notCapabilitiesExchange() + connections.timedOut()));
    ClusterStatus cluster = charging.cluster();
    // A node that decides for no shard still redirects; it is up, and the operator sees why here.
    Map<String, Object> shards = new LinkedHashMap<>();
    shards.put("node", cluster.nodeId());
    shards.put("shardsOwned", cluster.shards().size());
    shards.put("shards", ranges(cluster.shards()));
    shards.put(
        "nodes",
        cluster.peers().stream()
            .map(
                p ->
                    Map.of(
                        "node", p.nodeId(),
                        "diameter", p.diameterUri(),
                        "alive", p.alive(),
                        "shards", p.shards()))
            .toList());
    shards.put(
        "leaseChanges",
        Map.of(
            "acquired", cluster.acquisitions(),
            "takeovers", cluster.takeovers(),
            "lost", cluster.losses(),
            "released", cluster.releases()));
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("database", Map.of("status", status(databaseUp)));
    checks.put("diameter", diameter);
    checks.put("charging", shards);
    checks.put("sms", sms.get());
    boolean up = databaseUp && diameterUp;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status(up));
    body.put("checks", checks);
    HttpResponses.json(exchange, up ? 200 : 503, body, Map.of("Cache-Control", "no-store"));
  }

  /** Shards as ranges, "0-85, 200-213": 256 numbers would drown the rest. */
  static String ranges(List<Integer> shards) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shards.size(); i++) {
      int start = shards.get(i);
      while (i + 1 < shards.size() && shards.get(i + 1) == shards.get(i) + 1) {
        i++;
      }
      out.append(out.length() == 0 ? "" : ", ")
          .append(start == shards.get(i) ? String.valueOf(start) : start + "-" + shards.get(i));
    }
    return out.toString();
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(PROBE_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }
}
