package io.simbundle.charging.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import org.junit.jupiter.api.Test;

/** The words customer care reads out come from the stored reason alone. */
class WhyChargedTest {

  @Test
  void zeroRatedTrafficNamesThePrivilegeItsSponsorAndTheVersionsItWasDecidedUnder() {
    assertThat(
            WhyCharged.explain(
                Decision.Service.DATA,
                1000,
                Reason.ZERO_RATED,
                "wechat-free-traffic",
                "tencent",
                "2026.11",
                "r2-5f2a0c9e1b7d"))
        .isEqualTo(
            "free: rating group 1000 is zero-rated by the privilege wechat-free-traffic,"
                + " sponsored by tencent (catalog 2026.11, rules r2-5f2a0c9e1b7d)");
  }

  @Test
  void videoCallsAreChargedBecauseThePrivilegeExcludesThem() {
    assertThat(
            WhyCharged.explain(
                Decision.Service.DATA,
                1001,
                Reason.EXCLUDED,
                "wechat-free-traffic",
                "tencent",
                "",
                ""))
        .isEqualTo(
            "charged to the plan's allowance: the privilege wechat-free-traffic zero-rates the"
                + " partner's app but not rating group 1001");
  }

  @Test
  void everyReasonHasWordsOfItsOwn() {
    long distinct =
        java.util.Arrays.stream(Reason.values())
            .map(r -> WhyCharged.explain(Decision.Service.DATA, 10, r, "x", "p", "", ""))
            .distinct()
            .count();

    assertThat(distinct).isEqualTo(Reason.values().length);
  }
}
