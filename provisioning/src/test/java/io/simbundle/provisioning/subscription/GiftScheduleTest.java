package io.simbundle.provisioning.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.rules.decision.GrantedGift;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which gifts a subscription holds in a billing cycle (Beijing time). */
class GiftScheduleTest {

  private static final Instant ACTIVATED = Instant.parse("2026-11-23T08:00:00Z");

  private static HeldGift gift(String code, Recurrence recurrence, int validityDays) {
    return new HeldGift(
        new GrantedGift(code, 500, recurrence, validityDays, Set.of(2000L), "TEST"), ACTIVATED);
  }

  @Test
  void aMonthlyGiftStartsAtActivationThenAtEachCycle() {
    HeldGift monthly = gift("yixin-monthly-gift", Recurrence.MONTHLY, 31);

    GiftGrant november = GiftSchedule.inCycle(List.of(monthly), YearMonth.of(2026, 11)).get(0);
    GiftGrant december = GiftSchedule.inCycle(List.of(monthly), YearMonth.of(2026, 12)).get(0);

    assertThat(november.expiresAt()).isEqualTo(Instant.parse("2026-12-23T16:00:00Z"));
    assertThat(december.expiresAt()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    assertThat(december.bytes()).isEqualTo(500L * 1024 * 1024);
    assertThat(december.ratingGroups()).containsExactly(2000L);
  }

  @Test
  void aOneOffGiftKeepsItsExpiryAndIsGoneAfterIt() {
    HeldGift once = gift("welcome-gift", Recurrence.ONCE, 30);

    List<GiftGrant> december = GiftSchedule.inCycle(List.of(once), YearMonth.of(2026, 12));
    List<GiftGrant> january = GiftSchedule.inCycle(List.of(once), YearMonth.of(2027, 1));

    assertThat(december)
        .extracting(GiftGrant::expiresAt)
        .containsExactly(Instant.parse("2026-12-22T16:00:00Z"));
    assertThat(january).isEmpty();
  }
}
