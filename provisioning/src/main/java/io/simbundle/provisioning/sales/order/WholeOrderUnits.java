package io.simbundle.provisioning.sales.order;

import io.simbundle.rules.decision.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign unit for every card of a batch's orders, an order of several cards getting a unit for
 * each of its cards or none. Such an order refused on one card gives back the units its other cards
 * took; orders of the batch refused meanwhile without taking anything (sold out, or the same
 * buyer's limit) are then asked again, so that the units given back go to them and not to a later
 * batch. Each round ends with fewer orders to ask again, so the rounds end.
 */
final class WholeOrderUnits {

  /** One campaign's stock in the batch's transaction ({@code CampaignStock}). */
  interface Stock {
    /** A unit per buyer given, in order: empty when taken, else why not. */
    List<Optional<Reason>> take(List<String> buyerDigests);

    /** Gives one unit of the buyer back. */
    void giveBack(String buyerDigest);
  }

  /** What an order asks of the campaign: a unit for each of its cards, counted for its buyer. */
  record Wanted(String buyerDigest, int cards) {}

  private WholeOrderUnits() {}

  /**
   * @param wanted by the order's place in the batch, in batch order
   * @return the refused orders, with the first reason one of their cards was given
   */
  static Map<Integer, Reason> take(Map<Integer, Wanted> wanted, Stock stock) {
    Map<Integer, Reason> refused = new LinkedHashMap<>();
    List<Integer> asking = new ArrayList<>(wanted.keySet());
    while (!asking.isEmpty()) {
      List<Integer> owners = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      for (int order : asking) {
        for (int card = 0; card < wanted.get(order).cards(); card++) {
          owners.add(order);
          digests.add(wanted.get(order).buyerDigest());
        }
      }
      List<Optional<Reason>> answers = stock.take(digests);
      Map<Integer, Integer> taken = new LinkedHashMap<>();
      Map<Integer, Reason> refusedNow = new LinkedHashMap<>();
      for (int k = 0; k < answers.size(); k++) {
        int order = owners.get(k);
        taken.merge(order, answers.get(k).isEmpty() ? 1 : 0, Integer::sum);
        answers.get(k).ifPresent(reason -> refusedNow.putIfAbsent(order, reason));
      }
      int givenBack = 0;
      for (int k = 0; k < answers.size(); k++) {
        if (answers.get(k).isEmpty() && refusedNow.containsKey(owners.get(k))) {
          stock.giveBack(digests.get(k));
          givenBack++;
        }
      }
      refused.putAll(refusedNow);
      List<Integer> again =
          refusedNow.keySet().stream().filter(order -> taken.get(order) == 0).toList();
      if (givenBack == 0 || again.isEmpty()) {
        return refused;
      }
      again.forEach(refused::remove);
      asking = again;
    }
    return refused;
  }
}
