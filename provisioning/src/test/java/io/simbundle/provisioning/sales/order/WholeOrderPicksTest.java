package io.simbundle.provisioning.sales.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.product.Province;
import io.simbundle.provisioning.sales.inventory.Allocation;
import io.simbundle.provisioning.sales.inventory.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Orders of several cards get all their numbers and cards or none, without taking what another
 * order of the batch could have had; the inventory's picking is played by a province with a few
 * free rows, handed out in order as {@link Inventory#pick} does within one transaction.
 */
class WholeOrderPicksTest {

  private static final Inventory.Wanted ANY = new Inventory.Wanted(Province.SH, Optional.empty());

  /** A province with {@code free} numbers and cards; every call of the transaction sees them. */
  private static final class FreeRows
      implements Function<List<Inventory.Wanted>, List<Inventory.Pick>> {
    private final int free;
    private final List<Integer> calls = new ArrayList<>();

    FreeRows(int free) {
      this.free = free;
    }

    @Override
    public List<Inventory.Pick> apply(List<Inventory.Wanted> wanted) {
      calls.add(wanted.size());
      List<Inventory.Pick> picks = new ArrayList<>();
      for (int i = 0; i < wanted.size(); i++) {
        picks.add(
            i < free
                ? new Inventory.Pick(
                    Optional.of(new Allocation("8618600000" + i, "8986" + i, "4600" + i)), "")
                : new Inventory.Pick(Optional.empty(), "no number is available in SH"));
      }
      return picks;
    }
  }

  private static Map<Integer, List<Inventory.Wanted>> orders(int... cards) {
    Map<Integer, List<Inventory.Wanted>> wanted = new LinkedHashMap<>();
    for (int i = 0; i < cards.length; i++) {
      wanted.put(i, Collections.nCopies(cards[i], ANY));
    }
    return wanted;
  }

  private static boolean whole(List<Inventory.Pick> picks) {
    return WholeOrderPicks.shortage(picks).isEmpty();
  }

  @Test
  void anOrderOfSeveralCardsThatCannotHaveThemAllLeavesWhatItLockedToTheNextOrder() {
    FreeRows shanghai = new FreeRows(2);

    Map<Integer, List<Inventory.Pick>> picks = WholeOrderPicks.pick(orders(3, 1), shanghai);

    assertThat(whole(picks.get(0))).isFalse();
    assertThat(WholeOrderPicks.shortage(picks.get(0)))
        .hasValue(
            "card 3 of 3: no number is available in SH; none of the order's cards was reserved");
    assertThat(whole(picks.get(1))).as("picked again without the family's order").isTrue();
    assertThat(shanghai.calls).containsExactly(4, 1);
  }

  @Test
  void whenNoOtherOrderLacksAnythingTheBatchIsPickedOnce() {
    FreeRows shanghai = new FreeRows(3);

    Map<Integer, List<Inventory.Pick>> picks = WholeOrderPicks.pick(orders(1, 3), shanghai);

    assertThat(whole(picks.get(0))).isTrue();
    assertThat(whole(picks.get(1))).isFalse();
    assertThat(shanghai.calls).containsExactly(4);
  }

  @Test
  void ordersThatEachGetAllTheirCardsArePickedInOneCall() {
    FreeRows guangdong = new FreeRows(10);

    Map<Integer, List<Inventory.Pick>> picks = WholeOrderPicks.pick(orders(2, 1, 3), guangdong);

    assertThat(picks.values()).allMatch(WholeOrderPicksTest::whole);
    assertThat(picks.get(2)).hasSize(3);
    assertThat(guangdong.calls).containsExactly(6);
  }

  @Test
  void aSingleCardsShortageIsTheInventorysOwnWords() {
    Map<Integer, List<Inventory.Pick>> picks = WholeOrderPicks.pick(orders(1), new FreeRows(0));

    assertThat(WholeOrderPicks.shortage(picks.get(0))).hasValue("no number is available in SH");
  }
}
