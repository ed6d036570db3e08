package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.sales.inventory.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A number and a card for every card of a batch's orders, an order of several cards getting all of
 * its own or none. Such an order that cannot have them all gives up those it locked, which may be
 * what another order of the batch lacked: the others are then picked again without it (in the
 * batch's transaction, rows it locked are its to pick again).
 */
final class WholeOrderPicks {

  private WholeOrderPicks() {}

  /**
   * @param wanted what each order asks for, a card each, by its place in the batch, in batch order
   * @param picker picks for a list of cards, in the batch's transaction ({@link Inventory#pick})
   * @return each order's picks, a card each in order; an order with a shortage is refused whole
   */
  static Map<Integer, List<Inventory.Pick>> pick(
      Map<Integer, List<Inventory.Wanted>> wanted,
      Function<List<Inventory.Wanted>, List<Inventory.Pick>> picker) {
    Map<Integer, List<Inventory.Pick>> result = new HashMap<>();
    List<Integer> picking = new ArrayList<>(wanted.keySet());
    while (!picking.isEmpty()) {
      List<Inventory.Pick> picks =
          picker.apply(picking.stream().flatMap(i -> wanted.get(i).stream()).toList());
      Map<Integer, List<Inventory.Pick>> byOrder = new LinkedHashMap<>();
      int next = 0;
      for (int i : picking) {
        int cards = wanted.get(i).size();
        byOrder.put(i, picks.subList(next, next + cards));
        next += cards;
      }
      Optional<Integer> partial =
          byOrder.entrySet().stream()
              .filter(e -> shortage(e.getValue()).isPresent())
              .filter(e -> e.getValue().stream().anyMatch(p -> p.allocation().isPresent()))
              .map(Map.Entry::getKey)
              .findFirst();
      long shortOrders = byOrder.values().stream().filter(p -> shortage(p).isPresent()).count();
      if (partial.isEmpty() || shortOrders == 1) {
        result.putAll(byOrder);
        return result;
      }
      result.put(partial.get(), byOrder.get(partial.get()));
      picking.remove(partial.get());
    }
    return result;
  }

  /** What an order's cards lacked, naming the card when the order has several; empty if none. */
  static Optional<String> shortage(List<Inventory.Pick> picks) {
    for (int k = 0; k < picks.size(); k++) {
      if (picks.get(k).allocation().isEmpty()) {
        return Optional.of(
            picks.size() == 1
                ? picks.get(k).shortage()
                : "card "
                    + (k + 1)
                    + " of "
                    + picks.size()
                    + ": "
                    + picks.get(k).shortage()
                    + "; none of the order's cards was reserved");
      }
    }
    return Optional.empty();
  }
}
