package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ZeroRatedService;
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

  /** What an account counts against its cycle: allowance, free-traffic caps, SMS, minutes. */
  static List<Gauge> gauges(
      ChargingProfile profile, DataMeters data, SmsMeter sms, VoiceMeter voice) {
    List<Gauge> gauges = new ArrayList<>();
    gauges.add(
        new Gauge(UsageThreshold.Meter.DATA, "", data.allowanceUsed, profile.allowanceBytes()));
    for (ZeroRatedService free : profile.zeroRated()) {
      long used = data.zeroRatedUsedBy(free.privilegeCode());
      free.monthlyCapBytes()
          .ifPresent(
              cap ->
                  gauges.add(
                      new Gauge(
                          UsageThreshold.Meter.FREE_TRAFFIC, free.privilegeCode(), used, cap)));
    }
    gauges.add(new Gauge(UsageThreshold.Meter.SMS, "", sms.used, profile.smsPerCycle()));
    gauges.add(
        new Gauge(
            UsageThreshold.Meter.VOICE, "", voice.usedSeconds, profile.voiceSecondsPerCycle()));
    return gauges;
  }

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
