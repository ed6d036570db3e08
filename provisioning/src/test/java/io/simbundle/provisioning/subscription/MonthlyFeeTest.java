package io.simbundle.provisioning.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simbundle.provisioning.ProvisioningException;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** A credit fee's collection, without a database: what the payer may say, and when. */
class MonthlyFeeTest {

  private static final Instant ASKED = Instant.parse("2026-12-02T02:00:00Z");

  private static MonthlyFee asked() {
    ProductEntity product = new ProductEntity();
    product.id = 7L;
    product.productCode = "tmall-card";
    product.partnerCode = "alibaba";
    return MonthlyFee.onCredit(
        product, YearMonth.of(2026, 12), "2026.11", 5900, "alipay", 2, ASKED);
  }

  private static String refusal(Runnable answer) {
    return catchThrowableOfType(ProvisioningException.class, answer::run).getMessage();
  }

  @Test
  void aDeclinedFeeMayStillBePaidButAPaidOneOnlyReversed() {
    MonthlyFee fee = asked();
    fee.collected(CollectionOutcome.DECLINED, "ALI-1", ASKED.plusSeconds(60));
    fee.collected(CollectionOutcome.PAID, "ALI-2", ASKED.plusSeconds(120));

    assertThat(fee.collection).isEqualTo("paid");
    assertThat(refusal(() -> fee.collected(CollectionOutcome.PAID, "ALI-3", ASKED)))
        .endsWith("is paid already");
    assertThat(refusal(() -> fee.collected(CollectionOutcome.DECLINED, "ALI-3", ASKED)))
        .endsWith("is paid already");
    assertThat(refusal(() -> asked().collected(CollectionOutcome.REVERSED, "ALI-3", ASKED)))
        .endsWith("is not paid, so there is nothing to reverse");
  }

  @Test
  void aReversalMakesThePaidFeeUnpaidWithANewGraceFromTheReversal() {
    MonthlyFee fee = asked();
    fee.suspendedAt = ASKED.plusSeconds(3600);
    fee.collected(CollectionOutcome.PAID, "ALI-1", ASKED.plusSeconds(7200));
    Instant chargedBack = ASKED.plusSeconds(86_400);

    fee.collected(CollectionOutcome.REVERSED, "ALI-CB-1", chargedBack);

    assertThat(fee.collection).isEqualTo("reversed");
    assertThat(fee.collectedAt).isEqualTo(chargedBack);
    assertThat(fee.suspendedAt).as("may be suspended again once the grace is over").isNull();
    assertThat(fee.unpaidAndSuspending()).isFalse();
    fee.collected(CollectionOutcome.PAID, "ALI-2", chargedBack.plusSeconds(60));
    assertThat(fee.collection).isEqualTo("paid");
  }
}
