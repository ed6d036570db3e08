package io.simbundle.provisioning.sales.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.rules.decision.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Orders of several cards take a campaign unit for each card or none, and the units they give back
 * go to the batch's other orders; the campaign's stock is played by a few units and a per-buyer
 * limit, taken in order as {@code CampaignStock.take} does within one transaction.
 */
class WholeOrderUnitsTest {

  private static final Reason SOLD_OUT = new Reason("SOLD_OUT", "sold out", "售罄", "stock");
  private static final Reason LIMIT = new Reason("BUYER_LIMIT_REACHED", "limit", "限购", "stock");

  /** A campaign with {@code units} left and a limit per buyer, counting what it hands out. */
  private static final class Campaign implements WholeOrderUnits.Stock {
    private int units;
    private final int perBuyer;
    private final Map<String, Integer> bought = new HashMap<>();
    private final List<Integer> asked = new ArrayList<>();

    Campaign(int units, int perBuyer) {
      this.units = units;
      this.perBuyer = perBuyer;
    }

    @Override
    public List<Optional<Reason>> take(List<String> buyerDigests) {
      asked.add(buyerDigests.size());
      List<Optional<Reason>> answers = new ArrayList<>();
      for (String buyer : buyerDigests) {
        if (bought.getOrDefault(buyer, 0) >= perBuyer) {
          answers.add(Optional.of(LIMIT));
        } else if (units == 0) {
          answers.add(Optional.of(SOLD_OUT));
        } else {
          units--;
          bought.merge(buyer, 1, Integer::sum);
          answers.add(Optional.empty());
        }
      }
      return answers;
    }

    @Override
    public void giveBack(String buyer) {
      units++;
      bought.merge(buyer, -1, Integer::sum);
    }
  }

  private static Map<Integer, WholeOrderUnits.Wanted> orders(Object... buyersAndCards) {
    Map<Integer, WholeOrderUnits.Wanted> wanted = new LinkedHashMap<>();
    for (int i = 0; i < buyersAndCards.length; i += 2) {
      wanted.put(
          i / 2,
          new WholeOrderUnits.Wanted((String) buyersAndCards[i], (Integer) buyersAndCards[i + 1]));
    }
    return wanted;
  }

  @Test
  void theUnitsAFamilysOrderGivesBackGoToTheOrderAfterItInTheBatch() {
    Campaign lastTwo = new Campaign(2, 5);

    Map<Integer, Reason> refused = WholeOrderUnits.take(orders("mother", 3, "student", 1), lastTwo);

    assertThat(refused).containsOnlyKeys(0).containsEntry(0, SOLD_OUT);
    assertThat(lastTwo.bought).containsEntry("student", 1).containsEntry("mother", 0);
    assertThat(lastTwo.units).as("one left for the next batch").isEqualTo(1);
    assertThat(lastTwo.asked).containsExactly(4, 1);
  }

  @Test
  void aBuyersOtherOrderRefusedForTheLimitIsAskedAgainOnceTheFamilysUnitsGoBack() {
    Campaign campaign = new Campaign(2, 2);

    Map<Integer, Reason> refused = WholeOrderUnits.take(orders("mother", 3, "mother", 1), campaign);

    assertThat(refused).containsOnlyKeys(0).containsEntry(0, LIMIT);
    assertThat(campaign.bought).containsEntry("mother", 1);
  }

  @Test
  void whenNothingIsGivenBackTheBatchIsAskedOnce() {
    Campaign campaign = new Campaign(1, 5);

    Map<Integer, Reason> refused = WholeOrderUnits.take(orders("a", 1, "b", 1, "c", 2), campaign);

    assertThat(refused).containsOnlyKeys(1, 2);
    assertThat(campaign.asked).containsExactly(4);
  }

  @Test
  void ordersThatAllGetTheirUnitsAreRefusedNothing() {
    Campaign campaign = new Campaign(10, 5);

    assertThat(WholeOrderUnits.take(orders("a", 2, "b", 1, "c", 5), campaign)).isEmpty();
    assertThat(campaign.units).isEqualTo(2);
  }
}
