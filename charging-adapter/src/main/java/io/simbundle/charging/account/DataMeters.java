package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.charging.profile.ZeroRatedService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subscriber's data balances — the allowance, the gift buckets, the free traffic of each
 * zero-rating privilege — and the order in which they pay for a rating group: excluded groups are
 * charged normally, zero-rated ones are free up to their cap, gifts come next (earliest expiry
 * first), the allowance last. The account keeps the reservations against them.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class DataMeters {

  long allowanceUsed;
  long allowanceReserved;
  List<GiftBucket> gifts = new ArrayList<>();
  Map<String, ZeroRatedMeter> zeroRated = new LinkedHashMap<>();

  /** A source that may pay for a rating group, and what it can still grant. */
  record Candidate(Source source, long available) {}

  /** A new billing cycle: the allowance and the free traffic start afresh. */
  void newCycle() {
    allowanceUsed = 0;
    zeroRated.values().forEach(meter -> meter.used = 0);
  }

  /** Follows a new profile: a gift already held (same code and expiry) keeps what was spent. */
  void install(ChargingProfile next) {
    List<GiftBucket> kept = new ArrayList<>();
    for (GiftGrant grant : next.gifts()) {
      kept.add(
          gifts.stream()
              .filter(b -> b.code.equals(grant.code()) && b.expiresAt.equals(grant.expiresAt()))
              .findFirst()
              .orElseGet(() -> GiftBucket.of(grant)));
    }
    gifts = kept;
    Map<String, ZeroRatedMeter> meters = new LinkedHashMap<>();
    for (ZeroRatedService service : next.zeroRated()) {
      meters.put(
          service.privilegeCode(),
          zeroRated.getOrDefault(service.privilegeCode(), new ZeroRatedMeter()));
    }
    zeroRated = meters;
  }

  /** The sources that may pay for a rating group, in charging order. */
  List<Candidate> candidates(
      ChargingProfile profile, long ratingGroup, Optional<Long> serviceIdentifier, Instant now) {
    List<Candidate> candidates = new ArrayList<>();
    boolean excluded =
        profile.zeroRated().stream().anyMatch(z -> z.excludedRatingGroups().contains(ratingGroup));
    if (!excluded) {
      for (ZeroRatedService service : profile.zeroRated()) {
        if (service.covers(ratingGroup, serviceIdentifier)) {
          Source source =
              new Source(Source.Kind.ZERO_RATED, service.privilegeCode(), service.partnerCode());
          candidates.add(new Candidate(source, available(profile, source)));
        }
      }
    }
    gifts.stream()
        .filter(g -> g.expiresAt.isAfter(now))
        .filter(g -> g.ratingGroups.isEmpty() || g.ratingGroups.contains(ratingGroup))
        .sorted(Comparator.comparing((GiftBucket g) -> g.expiresAt).thenComparing(g -> g.code))
        .forEach(g -> candidates.add(new Candidate(g.source(), g.left() - g.reserved)));
    candidates.add(new Candidate(Source.ALLOWANCE, available(profile, Source.ALLOWANCE)));
    return candidates;
  }

  /**
   * Why {@code source} pays for a rating group: the privilege or gift itself, or — for the
   * allowance — what would have covered the traffic and why it did not, as things stand when it is
   * decided.
   */
  Decision decision(
      ChargingProfile profile,
      long ratingGroup,
      Optional<Long> serviceIdentifier,
      Source source,
      Decision.Action action,
      long bytes) {
    return switch (source.kind()) {
      case ZERO_RATED ->
          data(
              ratingGroup,
              action,
              Reason.ZERO_RATED,
              source.reference(),
              source.partnerCode(),
              bytes);
      case GIFT -> data(ratingGroup, action, Reason.GIFT, source.reference(), "", bytes);
      case ALLOWANCE -> whyAllowance(profile, ratingGroup, serviceIdentifier, action, bytes);
    };
  }

  private Decision whyAllowance(
      ChargingProfile profile,
      long ratingGroup,
      Optional<Long> serviceIdentifier,
      Decision.Action action,
      long bytes) {
    for (ZeroRatedService service : profile.zeroRated()) {
      if (service.excludedRatingGroups().contains(ratingGroup)) {
        return data(
            ratingGroup,
            action,
            Reason.EXCLUDED,
            service.privilegeCode(),
            service.partnerCode(),
            bytes);
      }
    }
    for (ZeroRatedService service : profile.zeroRated()) {
      if (service.covers(ratingGroup, serviceIdentifier)) {
        return data(
            ratingGroup,
            action,
            Reason.CAP_REACHED,
            service.privilegeCode(),
            service.partnerCode(),
            bytes);
      }
    }
    return gifts.stream()
        .filter(g -> g.ratingGroups.isEmpty() || g.ratingGroups.contains(ratingGroup))
        .min(Comparator.comparing((GiftBucket g) -> g.expiresAt).thenComparing(g -> g.code))
        .map(g -> data(ratingGroup, action, Reason.GIFT_SPENT, g.code, "", bytes))
        .orElseGet(() -> data(ratingGroup, action, Reason.NOT_COVERED, "", "", bytes));
  }

  private static Decision data(
      long ratingGroup,
      Decision.Action action,
      Reason reason,
      String reference,
      String partnerCode,
      long bytes) {
    return new Decision(
        Decision.Service.DATA, ratingGroup, action, reason, reference, partnerCode, bytes);
  }

  private long available(ChargingProfile profile, Source source) {
    return switch (source.kind()) {
      case ZERO_RATED -> {
        ZeroRatedMeter meter = zeroRated.get(source.reference());
        Optional<Long> cap = service(profile, source.reference()).monthlyCapBytes();
        yield cap.map(c -> c - meter.used - meter.reserved).orElse(Long.MAX_VALUE);
      }
      case GIFT -> gift(source.reference()).map(g -> g.left() - g.reserved).orElse(0L);
      case ALLOWANCE -> profile.allowanceBytes() - allowanceUsed - allowanceReserved;
    };
  }

  /** What a source can still absorb of reported use, ignoring reservations. */
  long spendable(ChargingProfile profile, Source source, Instant now) {
    return switch (source.kind()) {
      case ZERO_RATED -> {
        ZeroRatedMeter meter = zeroRated.get(source.reference());
        if (meter == null) {
          yield 0L;
        }
        Optional<Long> cap = service(profile, source.reference()).monthlyCapBytes();
        yield Math.max(0, cap.map(c -> c - meter.used).orElse(Long.MAX_VALUE));
      }
      case GIFT ->
          gift(source.reference())
              .filter(g -> g.expiresAt.isAfter(now))
              .map(GiftBucket::left)
              .orElse(0L);
      case ALLOWANCE -> Long.MAX_VALUE;
    };
  }

  void hold(Source source, long bytes) {
    switch (source.kind()) {
      case ZERO_RATED -> zeroRated.get(source.reference()).reserved += bytes;
      case GIFT -> gift(source.reference()).orElseThrow().reserved += bytes;
      case ALLOWANCE -> allowanceReserved += bytes;
    }
  }

  void unhold(Source source, long bytes) {
    switch (source.kind()) {
      case ZERO_RATED -> {
        ZeroRatedMeter meter = zeroRated.get(source.reference());
        if (meter != null) {
          meter.reserved = Math.max(0, meter.reserved - bytes);
        }
      }
      case GIFT ->
          gift(source.reference()).ifPresent(g -> g.reserved = Math.max(0, g.reserved - bytes));
      case ALLOWANCE -> allowanceReserved = Math.max(0, allowanceReserved - bytes);
    }
  }

  void debit(Source source, long bytes) {
    switch (source.kind()) {
      case ZERO_RATED -> zeroRated.get(source.reference()).used += bytes;
      case GIFT -> gift(source.reference()).orElseThrow().used += bytes;
      case ALLOWANCE -> allowanceUsed += bytes;
    }
  }

  /** What is left of each gift, by code, not counting reservations; expired gifts show 0. */
  Map<String, Long> giftsLeft(Instant now) {
    Map<String, Long> left = new LinkedHashMap<>();
    gifts.forEach(g -> left.merge(g.code, g.expiresAt.isAfter(now) ? g.left() : 0, Long::sum));
    return left;
  }

  /** Free bytes used this cycle, by privilege code. */
  Map<String, Long> zeroRatedUsed() {
    Map<String, Long> used = new LinkedHashMap<>();
    zeroRated.forEach((code, meter) -> used.put(code, meter.used));
    return used;
  }

  long zeroRatedUsedBy(String privilegeCode) {
    ZeroRatedMeter meter = zeroRated.get(privilegeCode);
    return meter == null ? 0 : meter.used;
  }

  private static ZeroRatedService service(ChargingProfile profile, String privilegeCode) {
    return profile.zeroRated().stream()
        .filter(z -> z.privilegeCode().equals(privilegeCode))
        .findFirst()
        .orElseThrow();
  }

  private Optional<GiftBucket> gift(String code) {
    return gifts.stream().filter(g -> g.code.equals(code)).findFirst();
  }
}
