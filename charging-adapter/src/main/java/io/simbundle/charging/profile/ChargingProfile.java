package io.simbundle.charging.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the charging function needs to know about one subscriber: who they are on the network,
 * what the plan allows this billing cycle, which traffic partners sponsor and which gifts they
 * hold. Provisioning installs it through the {@link io.simbundle.charging.ChargingPort}; the
 * charging function knows nothing of orders.
 *
 * @param msisdn the E.164 number, e.g. {@code 8618600000001}
 * @param imsi the IMSI, when known
 * @param allowanceBytes the plan's data allowance per billing cycle
 * @param cycleStart the start of the current billing cycle
 * @param cycleEnd the end of the current billing cycle (exclusive)
 * @param zeroRated the sponsored services
 * @param gifts the gifts granted for this cycle (or once)
 * @param smsPerCycle the plan's SMS per billing cycle (RFC 4006 service-specific units)
 * @param voiceSecondsPerCycle the plan's call time per billing cycle
 * @param voiceUnitSeconds what each call is rounded up to: 60 charges per started minute
 * @param origin the catalog and rule-set versions the profile was built from
 * @param extras sponsored minutes and prices beyond the plan for calls and SMS
 */
public record ChargingProfile(
    String msisdn,
    Optional<String> imsi,
    long allowanceBytes,
    Instant cycleStart,
    Instant cycleEnd,
    List<ZeroRatedService> zeroRated,
    List<GiftGrant> gifts,
    long smsPerCycle,
    long voiceSecondsPerCycle,
    long voiceUnitSeconds,
    // Left out while unrecorded: accounts stored before origins existed keep their stored form.
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ProfileOrigin.Unrecorded.class)
        ProfileOrigin origin,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = PlanExtras.Empty.class)
        PlanExtras extras) {

  /** Calls are charged per started minute unless the plan says otherwise. */
  public static final long PER_STARTED_MINUTE = 60;

  /** A data-only plan: no SMS. */
  public ChargingProfile(
      String msisdn,
      Optional<String> imsi,
      long allowanceBytes,
      Instant cycleStart,
      Instant cycleEnd,
      List<ZeroRatedService> zeroRated,
      List<GiftGrant> gifts) {
    this(
        msisdn,
        imsi,
        allowanceBytes,
        cycleStart,
        cycleEnd,
        zeroRated,
        gifts,
        0,
        0,
        PER_STARTED_MINUTE,
        ProfileOrigin.UNRECORDED,
        PlanExtras.NONE);
  }

  /** A profile that does not say where it came from. */
  public ChargingProfile(
      String msisdn,
      Optional<String> imsi,
      long allowanceBytes,
      Instant cycleStart,
      Instant cycleEnd,
      List<ZeroRatedService> zeroRated,
      List<GiftGrant> gifts,
      long smsPerCycle,
      long voiceSecondsPerCycle,
      long voiceUnitSeconds) {
    this(
        msisdn,
        imsi,
        allowanceBytes,
        cycleStart,
        cycleEnd,
        zeroRated,
        gifts,
        smsPerCycle,
        voiceSecondsPerCycle,
        voiceUnitSeconds,
        ProfileOrigin.UNRECORDED,
        PlanExtras.NONE);
  }

  public ChargingProfile {
    Objects.requireNonNull(msisdn);
    Objects.requireNonNull(imsi);
    Objects.requireNonNull(cycleStart);
    Objects.requireNonNull(cycleEnd);
    zeroRated = List.copyOf(zeroRated);
    gifts = List.copyOf(gifts);
    // Profiles stored before origins were recorded have none.
    origin = origin == null ? ProfileOrigin.UNRECORDED : origin;
    extras = extras == null ? PlanExtras.NONE : extras;
    if (!msisdn.matches("\\d{6,15}")) {
      throw new IllegalArgumentException("an MSISDN is 6 to 15 digits");
    }
    if (imsi.isPresent() && !imsi.get().matches("\\d{6,15}")) {
      throw new IllegalArgumentException("an IMSI is 6 to 15 digits");
    }
    if (allowanceBytes < 0
        || smsPerCycle < 0
        || voiceSecondsPerCycle < 0
        || voiceUnitSeconds < 1
        || !cycleEnd.isAfter(cycleStart)) {
      throw new IllegalArgumentException("invalid allowance or billing cycle");
    }
  }

  /** Billing cycles begin and end at midnight in Beijing. */
  public static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * This profile in the billing cycle after this one — the same plan, privileges and gifts — as the
   * charging function rolls over by itself at the boundary, without waiting for provisioning to
   * install the new cycle's profile. The cycle keeps its day of the month (Beijing time).
   */
  public ChargingProfile nextCycle() {
    ZonedDateTime start = cycleStart.atZone(BILLING_ZONE);
    Instant end = start.plusMonths(2).toInstant();
    if (!end.isAfter(cycleEnd)) {
      end = cycleEnd.atZone(BILLING_ZONE).plusMonths(1).toInstant();
    }
    return new ChargingProfile(
        msisdn,
        imsi,
        allowanceBytes,
        cycleEnd,
        end,
        zeroRated,
        gifts,
        smsPerCycle,
        voiceSecondsPerCycle,
        voiceUnitSeconds,
        origin,
        extras);
  }

  /** This profile with {@code sms} SMS per billing cycle. */
  public ChargingProfile withSmsPerCycle(long sms) {
    return with(sms, voiceSecondsPerCycle, voiceUnitSeconds, origin, extras);
  }

  /**
   * This profile with {@code seconds} of calls per billing cycle, rounded per call to {@code unit}.
   */
  public ChargingProfile withVoice(long seconds, long unit) {
    return with(smsPerCycle, seconds, unit, origin, extras);
  }

  /** This profile with sponsored minutes and prices beyond the plan. */
  public ChargingProfile withExtras(PlanExtras beyondThePlan) {
    return with(smsPerCycle, voiceSecondsPerCycle, voiceUnitSeconds, origin, beyondThePlan);
  }

  /** This profile, saying which catalog and rule-set versions it came from. */
  public ChargingProfile withOrigin(ProfileOrigin from) {
    return with(smsPerCycle, voiceSecondsPerCycle, voiceUnitSeconds, from, extras);
  }

  /** This profile's subscriber, allowance, cycle, privileges and gifts, with the rest given. */
  private ChargingProfile with(
      long sms, long voiceSeconds, long voiceUnit, ProfileOrigin from, PlanExtras beyondThePlan) {
    return new ChargingProfile(
        msisdn,
        imsi,
        allowanceBytes,
        cycleStart,
        cycleEnd,
        zeroRated,
        gifts,
        sms,
        voiceSeconds,
        voiceUnit,
        from,
        beyondThePlan);
  }
}
