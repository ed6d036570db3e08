package io.simbundle.provisioning.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.simbundle.charging.gy.GyRequestListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every Credit-Control-Request answered on Gy, by request type and Result-Code ({@code
 * simbundle_gy_requests_seconds}, with a histogram for latency quantiles), and counts the bytes
 * zero-rated for each partner ({@code simbundle_zero_rated_bytes_total}).
 */
public final class GyRequestMeter implements GyRequestListener {

  private final MeterRegistry registry;
  // Looked up per request at Gy's rate: one timer per type and Result-Code, built once.
  private final Map<Long, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> zeroRated = new ConcurrentHashMap<>();

  public GyRequestMeter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(int requestType, long resultCode, long nanos) {
    timers
        .computeIfAbsent(
            ((long) requestType << 32) | resultCode,
            key ->
                Timer.builder("simbundle.gy.requests")
                    .description("Credit-Control-Requests by type and Result-Code")
                    .tag("type", typeName(requestType))
                    .tag("result", String.valueOf(resultCode))
                    .publishPercentileHistogram()
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void zeroRated(String partnerCode, long bytes) {
    zeroRated
        .computeIfAbsent(
            partnerCode,
            partner ->
                Counter.builder("simbundle.zero.rated")
                    .baseUnit("bytes")
                    .description("Traffic zero-rated for a partner's services")
                    .tag("partner", partner)
                    .register(registry))
        .increment(bytes);
  }

  private static String typeName(int requestType) {
    return switch (requestType) {
      case 1 -> "initial";
      case 2 -> "update";
      case 3 -> "termination";
      case 4 -> "event";
      default -> "unknown";
    };
  }
}
