package io.simbundle.provisioning.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simbundle.catalog.campaign.UnpaidDeposit;
import io.simbundle.catalog.product.Province;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import io.simbundle.provisioning.sales.inventory.Allocation;
import io.simbundle.rules.decision.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lifecycle rules of an order, without a database: each transition and what it returns. */
class ProductOrderTest {

  private static final Instant PLACED = Instant.parse("2026-11-23T08:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(30);
  private static final Allocation CARD =
      new Allocation("13800138000", "89860000000000000001", "460010000000001");

  private static ProductOrder draft(PaymentType payment) {
    return draft(payment, OrderTerms.paidAtOnce(payment == PaymentType.CREDIT ? 0 : 5000, 7));
  }

  private static ProductOrder draft(PaymentType payment, OrderTerms orderTerms) {
    OrderRequest.Payment terms =
        payment == PaymentType.CREDIT
            ? new OrderRequest.Payment(payment, Optional.of("alipay"), Optional.of("AUTH-1"))
            : OrderRequest.Payment.of(payment);
    OrderRequest request =
        new OrderRequest(
            "yixun",
            Optional.of("YX-1"),
            "wechat-wo",
            Optional.of("yixun-wechat-wo-presale"),
            Province.GD,
            new OrderRequest.Buyer("张三", "440106199102151234", true, false),
            List.of(OrderRequest.Item.forBuyer(Optional.empty())),
            terms);
    return ProductOrder.draft(
        "K7M2P9QX4TRA",
        Optional.empty(),
        1,
        request,
        "2026.11",
        orderTerms,
        new BuyerType(true, false, "new to the operator: no card on this ID number"),
        BUYER,
        Optional.empty(),
        PLACED);
  }

  private static final SealedPerson BUYER =
      new SealedPerson("buyer-digest", "sealed-name", "sealed-id", "4401**********1234");

  private static ProductOrder acknowledged() {
    ProductOrder order = draft(PaymentType.FULL);
    order.acknowledge(CARD, WINDOW, PLACED);
    return order;
  }

  private static ProductOrder paid() {
    ProductOrder order = acknowledged();
    order.pay(5000, "PAY-1", PLACED.plusSeconds(60));
    return order;
  }

  private static ProvisioningException.Kind refusal(Runnable transition) {
    return catchThrowableOfType(ProvisioningException.class, transition::run).kind();
  }

  @Test
  void anAcknowledgedOrderHoldsItsNumberAndCardUntilItsPaymentWindowEnds() {
    ProductOrder order = draft(PaymentType.FULL);

    OrderChange change = order.acknowledge(CARD, WINDOW, PLACED);

    assertThat(change.from()).isEmpty();
    assertThat(change.to()).isEqualTo(OrderState.ACKNOWLEDGED);
    assertThat(change.reason()).isEqualTo("qualified; reserved 13800138000");
    assertThat(change.announcedAs()).hasValue("order.acknowledged");
    assertThat(order.msisdn()).isEqualTo("13800138000");
    assertThat(order.paymentWindowPassed(PLACED.plus(WINDOW).minusSeconds(1))).isFalse();
    assertThat(order.paymentWindowPassed(PLACED.plus(WINDOW).plusSeconds(1))).isTrue();
  }

  @Test
  void anOrderOnCreditHasNoPaymentWindowAndIsPaidByItsPayersAuthorization() {
    ProductOrder order = draft(PaymentType.CREDIT);
    order.acknowledge(CARD, WINDOW, PLACED);

    OrderChange paid = order.payOnCredit(PLACED);

    assertThat(paid.from()).hasValue(OrderState.ACKNOWLEDGED);
    assertThat(paid.to()).isEqualTo(OrderState.IN_PROGRESS);
    assertThat(paid.reason()).isEqualTo("paid on credit by alipay (authorization AUTH-1)");
    assertThat(order.paymentWindowPassed(PLACED.plus(Duration.ofDays(30)))).isFalse();
  }

  @Test
  void anOrderPaidInCashIsNotPaidOnCredit() {
    assertThat(refusal(() -> acknowledged().payOnCredit(PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
  }

  @Test
  void aPartPaymentLeavesTheOrderWaitingAndTellsTheStoreNothing() {
    ProductOrder order = acknowledged();

    OrderChange part = order.pay(2000, "PAY-1", PLACED.plusSeconds(60));

    assertThat(part.to()).isEqualTo(OrderState.ACKNOWLEDGED);
    assertThat(part.reason()).endsWith("3000 fen still due");
    assertThat(part.announcedAs()).isEmpty();
    assertThat(order.paymentWindowPassed(PLACED.plus(WINDOW).plusSeconds(1))).isTrue();
  }

  @Test
  void paymentInFullMovesTheOrderOnAndEndsItsPaymentWindow() {
    ProductOrder order = acknowledged();
    order.pay(2000, "PAY-1", PLACED.plusSeconds(60));

    OrderChange rest = order.pay(3000, "PAY-2", PLACED.plusSeconds(120));

    assertThat(rest.to()).isEqualTo(OrderState.IN_PROGRESS);
    assertThat(rest.reason()).isEqualTo("payment of 3000 fen, reference PAY-2; paid in full");
    assertThat(rest.announcedAs()).hasValue("order.inProgress");
    assertThat(order.paymentWindowPassed(PLACED.plus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  void aPaymentMustBePositiveAndOnlyAnOrderWaitingForOneTakesIt() {
    assertThat(refusal(() -> acknowledged().pay(0, "PAY-0", PLACED)))
        .isEqualTo(ProvisioningException.Kind.INVALID);
    assertThat(refusal(() -> paid().pay(100, "PAY-9", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
  }

  @Test
  void aPaidCardShipsOnceAndTheStoreHearsTheCarrierAndTrackingNumber() {
    ProductOrder order = paid();

    OrderChange shipped = order.ship("SF Express", "SF1234567890", PLACED.plusSeconds(3600));

    assertThat(shipped.to()).isEqualTo(OrderState.IN_PROGRESS);
    assertThat(shipped.announcedAs()).hasValue("order.shipped");
    OrderAnnouncement told = order.announcement(shipped);
    assertThat(told.channel()).isEqualTo("yixun");
    assertThat(told.payload())
        .containsEntry("externalId", "YX-1")
        .containsEntry("carrier", "SF Express")
        .containsEntry("trackingNumber", "SF1234567890");
    assertThat(refusal(() -> order.ship("EMS", "E1", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
    assertThat(refusal(() -> acknowledged().ship("EMS", "E1", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
  }

  @Test
  void cancellingLetsGoOfTheNumberAndCardAndIsFinal() {
    ProductOrder order = paid();

    OrderChange cancelled = order.cancel("buyer changed their mind", PLACED.plusSeconds(600));

    assertThat(cancelled.to()).isEqualTo(OrderState.CANCELLED);
    assertThat(cancelled.reason())
        .isEqualTo("buyer changed their mind; released 13800138000 and card 89860000000000000001");
    assertThat(order.msisdn()).isNull();
    assertThat(order.iccid()).isNull();
    assertThat(order.announcement(cancelled).payload()).containsEntry("state", "cancelled");
    assertThat(refusal(() -> order.cancel("again", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
  }

  @Test
  void onlyAPaidOrderIsCompletedByItsActivation() {
    assertThat(refusal(() -> acknowledged().complete("activated", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);

    ProductOrder order = paid();
    OrderChange completed = order.complete("activated as product 7", PLACED.plusSeconds(900));

    assertThat(completed.from()).hasValue(OrderState.IN_PROGRESS);
    assertThat(completed.to()).isEqualTo(OrderState.COMPLETED);
    assertThat(refusal(() -> order.cancel("too late", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
  }

  @Test
  void aRejectedOrderKeepsTheRulesReasonsAndTakesNothingMore() {
    ProductOrder order = draft(PaymentType.FULL);
    Reason tooYoung = new Reason("TOO_YOUNG", "the buyer is under 16", "买家未满16岁", "Minimum age");

    OrderChange rejected = order.reject(List.of(tooYoung), "refused by rule set r1", PLACED);

    assertThat(rejected.to()).isEqualTo(OrderState.REJECTED);
    assertThat(order.refusals()).containsExactly(tooYoung);
    assertThat(refusal(() -> order.pay(5000, "PAY-1", PLACED)))
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
    assertThatThrownBy(() -> order.acknowledge(CARD, WINDOW, PLACED))
        .isInstanceOf(IllegalStateException.class);
  }

  // A presale: 100 yuan, a 50-yuan deposit now, the rest from the next day for a day.

  private static final Instant OPENS = PLACED.plus(Duration.ofDays(1));
  private static final Instant CLOSES = PLACED.plus(Duration.ofDays(2));

  private static ProductOrder presale(UnpaidDeposit unpaid) {
    ProductOrder order =
        draft(
            PaymentType.DEPOSIT,
            new OrderTerms(
                10_000,
                5000,
                Optional.of(new OrderTerms.Window(OPENS, CLOSES)),
                Optional.of(unpaid),
                7,
                0));
    order.acknowledge(CARD, WINDOW, PLACED);
    return order;
  }

  private static ProductOrder depositPaid() {
    ProductOrder order = presale(UnpaidDeposit.KEPT);
    order.pay(5000, "DEP-1", PLACED.plusSeconds(60));
    return order;
  }

  private static String refusalType(Runnable transition) {
    return catchThrowableOfType(ProvisioningException.class, transition::run).type();
  }

  @Test
  void aPaidDepositHoldsTheCardUntilTheFinalPaymentWindowCloses() {
    ProductOrder order = presale(UnpaidDeposit.KEPT);

    OrderChange deposit = order.pay(5000, "DEP-1", PLACED.plusSeconds(60));

    assertThat(deposit.to()).isEqualTo(OrderState.PENDING);
    assertThat(deposit.reason())
        .isEqualTo(
            "payment of 5000 fen, reference DEP-1; deposit paid, final payment of 5000 fen from "
                + OPENS
                + " until "
                + CLOSES);
    assertThat(order.announcement(deposit).payload())
        .containsEntry("state", "pending")
        .extractingByKey("payment")
        .isEqualTo(
            Map.of(
                "amountDueFen", 10_000L,
                "amountPaidFen", 5000L,
                "amountRefundedFen", 0L,
                "finalPaymentFen", 5000L,
                "finalPaymentOpens", OPENS,
                "finalPaymentCloses", CLOSES));
    assertThat(order.paymentWindowPassed(PLACED.plus(WINDOW).plusSeconds(1))).isFalse();
    assertThat(order.paymentWindowPassed(CLOSES.plusSeconds(1))).isTrue();
  }

  @Test
  void theRestIsTakenOnlyWhileTheFinalPaymentWindowIsOpen() {
    assertThat(refusalType(() -> presale(UnpaidDeposit.KEPT).pay(6000, "ALL", PLACED)))
        .as("more than the deposit before the window opens")
        .isEqualTo("final-payment-not-open");
    assertThat(refusalType(() -> depositPaid().pay(5000, "EARLY", OPENS.minusSeconds(1))))
        .isEqualTo("final-payment-not-open");
    assertThat(refusalType(() -> depositPaid().pay(5000, "LATE", CLOSES)))
        .isEqualTo("final-payment-closed");

    ProductOrder order = depositPaid();
    OrderChange rest = order.pay(5000, "REST-1", OPENS.plusSeconds(3600));

    assertThat(rest.from()).hasValue(OrderState.PENDING);
    assertThat(rest.to()).isEqualTo(OrderState.IN_PROGRESS);
    assertThat(order.paymentWindowPassed(CLOSES.plusSeconds(1))).isFalse();
  }

  @Test
  void aPaymentSharedOverSeveralCardsGivesEachItsDepositUntilTheRestIsDue() {
    assertThat(presale(UnpaidDeposit.KEPT).payableNow(PLACED)).as("the deposit").isEqualTo(5000);
    assertThat(depositPaid().payableNow(PLACED.plusSeconds(120)))
        .as("nothing more before the final payment opens")
        .isZero();
    assertThat(depositPaid().payableNow(OPENS)).as("the rest, once open").isEqualTo(5000);
    assertThat(depositPaid().payableNow(CLOSES)).as("nothing once closed").isZero();
    assertThat(paid().payableNow(PLACED)).as("nothing once paid").isZero();
    assertThat(acknowledged().payableNow(PLACED)).isEqualTo(5000);
  }

  @Test
  void aCardIsHeldByTheHolderTheOrderNamesElseByItsBuyer() {
    assertThat(draft(PaymentType.FULL).holderDigest()).isEqualTo("buyer-digest");

    ProductOrder forTheDaughter =
        ProductOrder.draft(
            "K7M2P9QX4TRA-2",
            Optional.of("K7M2P9QX4TRA"),
            2,
            familyRequest(),
            "2026.11",
            OrderTerms.paidAtOnce(5000, 7),
            new BuyerType(false, false, "existing"),
            BUYER,
            Optional.of(new SealedPerson("daughter-digest", "n", "i", "4401**********0022")),
            PLACED);

    assertThat(forTheDaughter.holderDigest()).isEqualTo("daughter-digest");
    assertThat(forTheDaughter.buyerDigest())
        .as("counted against the buyer")
        .isEqualTo("buyer-digest");
    assertThat(forTheDaughter.basketCode()).hasValue("K7M2P9QX4TRA");
    OrderChange acknowledged = forTheDaughter.acknowledge(CARD, WINDOW, PLACED);
    assertThat(forTheDaughter.announcement(acknowledged).payload())
        .containsEntry("productOrder", "K7M2P9QX4TRA-2")
        .containsEntry("partOf", Map.of("productOrder", "K7M2P9QX4TRA", "item", 2));
  }

  @Test
  void anActionOnAWholeOrderTouchesOnlyItsCardsNotOver() {
    ProductOrder live = acknowledged();
    ProductOrder cancelled = acknowledged();
    cancelled.cancel("the son changed his mind", PLACED);

    assertThat(ProductOrder.notOver(List.of(cancelled, live))).containsExactly(live);
    assertThat(ProductOrder.notOver(List.of(cancelled))).containsExactly(cancelled);
  }

  private static OrderRequest familyRequest() {
    return new OrderRequest(
        "tmall",
        Optional.of("TM-9"),
        "tmall-card",
        Optional.of("tmall-flagship"),
        Province.SH,
        new OrderRequest.Buyer("张三", "440106199102151234", false, false),
        List.of(
            OrderRequest.Item.forBuyer(Optional.empty()),
            new OrderRequest.Item(
                Optional.empty(),
                Optional.of(new OrderRequest.Holder("张小红", "440106201001010022")))),
        OrderRequest.Payment.of(PaymentType.FULL));
  }

  @Test
  void noPaymentTakesMoreThanIsStillDue() {
    ProductOrder order = depositPaid();

    assertThat(refusalType(() -> order.pay(5001, "TOO-MUCH", OPENS))).isEqualTo("overpayment");
    assertThat(refusalType(() -> acknowledged().pay(5001, "TOO-MUCH", PLACED)))
        .isEqualTo("overpayment");
  }

  @Test
  void aLapsedPresaleKeepsItsDepositOrOwesItBackAsItsCampaignSaid() {
    ProductOrder kept = depositPaid();
    ProductOrder owed = presale(UnpaidDeposit.REFUNDED);
    owed.pay(5000, "DEP-2", PLACED.plusSeconds(60));

    OrderChange lapsed = kept.expire(CLOSES.plusSeconds(1));

    assertThat(lapsed.to()).isEqualTo(OrderState.CANCELLED);
    assertThat(lapsed.reason())
        .startsWith("final payment not made by " + CLOSES + "; deposit of 5000 fen kept");
    assertThat(kept.depositOwedBack()).isFalse();
    assertThat(owed.expire(CLOSES.plusSeconds(1)).reason()).contains("5000 fen to be refunded");
    assertThat(owed.depositOwedBack()).isTrue();
    assertThat(presale(UnpaidDeposit.KEPT).expire(PLACED.plus(WINDOW)).reason())
        .startsWith("not paid by " + PLACED.plus(WINDOW));
  }

  @Test
  void aCancelledOrderIsRefundedInPartsButNeverMoreThanWasPaid() {
    ProductOrder order = paid();
    assertThat(refusal(order::refundKind))
        .as("live")
        .isEqualTo(ProvisioningException.Kind.CONFLICT);
    order.cancel("buyer changed their mind", PLACED.plusSeconds(600));

    OrderChange first = order.refund(2000, order.refundKind(), "R1", PLACED.plusSeconds(700));
    OrderChange second = order.refund(3000, order.refundKind(), "R2", PLACED.plusSeconds(800));

    assertThat(first.reason())
        .isEqualTo("refund R1 of 2000 fen (2000 of 5000 fen paid now refunded)");
    assertThat(second.to()).isEqualTo(OrderState.CANCELLED);
    assertThat(order.announcement(second).payload())
        .containsEntry("refund", Map.of("id", "R2", "kind", "cancelledOrder", "amountFen", 3000L))
        .extractingByKey("payment")
        .extracting(p -> ((Map<?, ?>) p).get("amountRefundedFen"))
        .isEqualTo(5000L);
    assertThat(refusalType(() -> order.refund(1, RefundKind.CANCELLED_ORDER, "R3", PLACED)))
        .isEqualTo("refund-exceeds-payments");
    assertThat(refusalType(() -> order.refund(0, RefundKind.CANCELLED_ORDER, "R4", PLACED)))
        .isEqualTo("invalid-refund");
  }

  @Test
  void anActivatedCardComesBackForARefundOnlyWithinItsReturnWindow() {
    Instant activated = PLACED.plusSeconds(900);
    ProductOrder order = paid();
    order.complete("activated as product 7", activated);
    Instant lastMoment = activated.plus(Duration.ofDays(7)).minusSeconds(1);

    assertThat(order.refundKind()).isEqualTo(RefundKind.RETURNED_CARD);
    OrderChange returned = order.refund(5000, RefundKind.RETURNED_CARD, "R1", lastMoment);

    assertThat(returned.reason()).startsWith("card returned; refund R1 of 5000 fen");
    ProductOrder late = paid();
    late.complete("activated as product 8", activated);
    assertThat(
            refusalType(
                () -> late.refund(100, RefundKind.RETURNED_CARD, "R2", lastMoment.plusSeconds(1))))
        .isEqualTo("return-window-closed");
  }
}
