package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which usage thresholds a subscriber was told of this billing cycle, so each is told once. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class ThresholdsTold {

  /** The thresholds told, in percent of what the cycle gives. */
  private static final int[] PERCENTS = {80, 100};

  private Set<String> told = new LinkedHashSet<>();

  /** Something counted per cycle against what the cycle gives; no threshold when it gives none. */
  record Gauge(UsageThreshold.Meter meter, String reference, long used, long limit) {}

  /** The thresholds the gauges have reached and that were not told yet; they count as told now. */
  List<UsageThreshold> passed(String msisdn, Instant cycleStart, List<Gauge> gauges) {
    List<UsageThreshold> passed = new ArrayList<>();
    for (Gauge gauge : gauges) {
      if (gauge.limit() <= 0) {
        continue;
      }
      for (int percent : PERCENTS) {
        // used / limit >= percent / 100, in floating point: byte counts would overflow * 100.
        if ((double) gauge.used() * 100 >= (double) gauge.limit() * percent
            && told.add(gauge.meter() + ":" + gauge.reference() + ":" + percent)) {
          passed.add(
              new UsageThreshold(
                  msisdn,
                  gauge.meter(),
                  gauge.reference(),
                  percent,
                  gauge.used(),
                  gauge.limit(),
                  cycleStart));
        }
      }
    }
    return passed;
  }

  void newCycle() {
    told.clear();
  }
}
