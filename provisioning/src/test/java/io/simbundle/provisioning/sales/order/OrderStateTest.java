package io.simbundle.provisioning.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simbundle.provisioning.ProvisioningException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order lifecycle allows exactly its moves and refuses every other with a conflict. */
class OrderStateTest {

  private static final Set<String> ALLOWED =
      Set.of(
          "ACKNOWLEDGED>PENDING",
          "ACKNOWLEDGED>IN_PROGRESS",
          "ACKNOWLEDGED>CANCELLED",
          "PENDING>IN_PROGRESS",
          "PENDING>CANCELLED",
          "IN_PROGRESS>COMPLETED",
          "IN_PROGRESS>CANCELLED");

  @Test
  void everyPairOfStatesIsEitherAllowedOrAConflict() {
    for (OrderState from : OrderState.values()) {
      for (OrderState to : OrderState.values()) {
        if (ALLOWED.contains(from + ">" + to)) {
          assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.moveTo(to))
              .isInstanceOfSatisfying(
                  ProvisioningException.class,
                  e -> assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.CONFLICT))
              .hasMessage("an order that is " + from.tmfName() + " cannot become " + to.tmfName());
        }
      }
    }
  }

  @Test
  void completedRejectedCancelledAndFailedAreFinal() {
    assertThat(EnumSet.allOf(OrderState.class).stream().filter(OrderState::isFinal))
        .containsExactlyInAnyOrder(
            OrderState.COMPLETED, OrderState.REJECTED, OrderState.CANCELLED, OrderState.FAILED);
  }

  @Test
  void tmfNamesReadBack() {
    for (OrderState state : OrderState.values()) {
      assertThat(OrderState.fromTmfName(state.tmfName())).hasValue(state);
    }
    assertThat(OrderState.fromTmfName("shipped")).isEmpty();
  }
}
