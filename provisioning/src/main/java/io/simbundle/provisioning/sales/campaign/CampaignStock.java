package io.simbundle.provisioning.sales.campaign;

import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.rules.decision.Reason;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The authority on a presale campaign's stock and per-buyer limit under concurrent orders. The
 * rules' checks run first on counts that may be a moment old; these run in the order's transaction
 * on rows the database locks, so a flash sale is never oversold and no buyer exceeds the limit,
 * whatever the burst.
 *
 * <p>The stock is split into {@value #SLICES} slices: a batch of orders takes its units from slices
 * no other batch holds, starting at a random one, so buyers do not queue on one hot row.
 */
public final class CampaignStock {

  static final int SLICES = 16;

  /**
   * How old a stock reading may be. A unit given back on another node (a cancelled or expired
   * order) is on sale again here within this time; until then this node may answer sold out.
   */
  static final Duration LEVEL_AGE = Duration.ofSeconds(1);

  /**
   * How long an order looks for a slice when every slice with stock left is held by orders in
   * flight (their batches commit within milliseconds) before it calls the campaign sold out.
   */
  static final Duration HELD_SLICES_WAIT = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final PersistenceUnit unit;
  private final Set<String> sliced = ConcurrentHashMap.newKeySet();
  private final Map<String, Reading> levels = new ConcurrentHashMap<>();

  /**
   * @param unit the persistence unit whose transactions units are taken in (an order's)
   */
  public CampaignStock(DataSource dataSource, PersistenceUnit unit) {
    this.dataSource = dataSource;
    this.unit = unit;
  }

  /** Creates the campaign's slices, before the first order's transaction, once. */
  public void prepare(PresaleCampaign campaign) {
    if (sliced.contains(campaign.code())) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      createSlices(connection, campaign);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot set up campaign stock: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the slices once. Only one thread of the engine does, and only when they are missing:
   * INSERT IGNORE takes shared locks on rows that exist, which concurrent orders decrementing those
   * rows would deadlock with.
   */
  private synchronized void createSlices(Connection connection, PresaleCampaign campaign)
      throws SQLException {
    if (sliced.contains(campaign.code())) {
      return;
    }
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM campaign_stock_slice WHERE campaign_code = ?")) {
      count.setString(1, campaign.code());
      try (ResultSet row = count.executeQuery()) {
        row.next();
        if (row.getInt(1) == SLICES) {
          sliced.add(campaign.code());
          return;
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT IGNORE INTO campaign_stock_slice (campaign_code, slice, initial, remaining)"
                + " VALUES (?, ?, ?, ?)")) {
      long stock = campaign.stock();
      for (int slice = 0; slice < SLICES; slice++) {
        int units = (int) (stock / SLICES + (slice < stock % SLICES ? 1 : 0));
        insert.setString(1, campaign.code());
        insert.setInt(2, slice);
        insert.setInt(3, units);
        insert.setInt(4, units);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    sliced.add(campaign.code());
  }

  /**
   * Takes a unit for each buyer of a batch, in the caller's transaction; {@link #prepare} must have
   * run for the campaign. The buyers' counters are locked (in key order, as every batch does, so
   * batches cannot deadlock on them) and checked against the limit; the units come from slices no
   * other batch holds. Nothing is written for a buyer refused.
   *
   * @return per buyer, in order: empty when a unit was taken, else why not (the limit, sold out)
   */
  public List<Optional<Reason>> take(PresaleCampaign campaign, List<String> buyerDigests) {
    EntityManager em = unit.transaction();
    Map<String, Integer> counted = lockCounters(em, campaign, buyerDigests);
    List<Optional<Reason>> answers = new ArrayList<>(buyerDigests.size());
    List<Integer> allowed = new ArrayList<>();
    for (String digest : buyerDigests) {
      int orders = counted.getOrDefault(digest, 0);
      if (orders < campaign.perBuyerLimit()) {
        counted.put(digest, orders + 1);
        allowed.add(answers.size());
        answers.add(Optional.empty());
      } else {
        answers.add(Optional.of(limitReached(campaign)));
      }
    }
    int units = takeUnits(em, campaign, allowed.size());
    Map<String, Integer> increments = new TreeMap<>();
    for (int k = 0; k < allowed.size(); k++) {
      int index = allowed.get(k);
      if (k < units) {
        increments.merge(buyerDigests.get(index), 1, Integer::sum);
      } else {
        answers.set(index, Optional.of(soldOut(campaign.code())));
      }
    }
    countOrders(em, campaign, increments);
    return answers;
  }

  /**
   * Creates the buyers' counters that are missing and locks them all, in key order; returns their
   * counts. The upsert takes exclusive locks straight away: shared locks first (as INSERT IGNORE
   * takes them) would deadlock two batches upgrading the same rows.
   */
  private static Map<String, Integer> lockCounters(
      EntityManager em, PresaleCampaign campaign, List<String> buyerDigests) {
    List<String> sorted = new TreeSet<>(buyerDigests).stream().toList();
    StringBuilder upsert =
        new StringBuilder(
            "INSERT INTO campaign_buyer (campaign_code, id_number_digest, orders) VALUES ");
    upsert.append(String.join(", ", Collections.nCopies(sorted.size(), "(?, ?, 0)")));
    upsert.append(" ON DUPLICATE KEY UPDATE orders = orders");
    var insert = em.createNativeQuery(upsert.toString());
    for (int i = 0; i < sorted.size(); i++) {
      insert.setParameter(2 * i + 1, campaign.code());
      insert.setParameter(2 * i + 2, sorted.get(i));
    }
    insert.executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id_number_digest, orders FROM campaign_buyer WHERE campaign_code = ?1"
                    + " AND id_number_digest IN (?2)",
                Object[].class)
            .setParameter(1, campaign.code())
            .setParameter(2, sorted)
            .getResultList();
    Map<String, Integer> counted = new HashMap<>();
    rows.forEach(row -> counted.put((String) row[0], ((Number) row[1]).intValue()));
    return counted;
  }

  /** Adds each buyer's new orders to their counter: one statement per distinct increment. */
  private static void countOrders(
      EntityManager em, PresaleCampaign campaign, Map<String, Integer> increments) {
    Map<Integer, List<String>> byIncrement = new TreeMap<>();
    increments.forEach(
        (digest, n) -> byIncrement.computeIfAbsent(n, k -> new ArrayList<>()).add(digest));
    byIncrement.forEach(
        (n, digests) ->
            em.createNativeQuery(
                    "UPDATE campaign_buyer SET orders = orders + ?1 WHERE campaign_code = ?2"
                        + " AND id_number_digest IN (?3)")
                .setParameter(1, n)
                .setParameter(2, campaign.code())
                .setParameter(3, digests)
                .executeUpdate());
  }

  /**
   * Takes up to {@code wanted} units from slices no other transaction holds (SKIP LOCKED, so
   * batches never wait on one another for stock), a slice this transaction holds already first.
   * When every slice with stock left is held by batches in flight, it looks again a moment later.
   *
   * @return the units taken: fewer than wanted only when the campaign is sold out
   */
  private int takeUnits(EntityManager em, PresaleCampaign campaign, int wanted) {
    int taken = 0;
    long giveUpAt = System.nanoTime() + HELD_SLICES_WAIT.toNanos();
    boolean empty = false;
    while (taken < wanted && !empty && System.nanoTime() < giveUpAt) {
      @SuppressWarnings("unchecked")
      List<Integer> withStock =
          em.createNativeQuery(
                  "SELECT slice FROM campaign_stock_slice WHERE campaign_code = ?1"
                      + " AND remaining > 0",
                  Integer.class)
              .setParameter(1, campaign.code())
              .getResultList();
      empty = withStock.isEmpty();
      int first = empty ? 0 : ThreadLocalRandom.current().nextInt(withStock.size());
      boolean tookSome = false;
      for (int i = 0; i < withStock.size() && taken < wanted; i++) {
        int slice = withStock.get((first + i) % withStock.size());
        List<?> held =
            em.createNativeQuery(
                    "SELECT remaining FROM campaign_stock_slice WHERE campaign_code = ?1"
                        + " AND slice = ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, campaign.code())
                .setParameter(2, slice)
                .getResultList();
        int remaining = held.isEmpty() ? 0 : ((Number) held.get(0)).intValue();
        int units = Math.min(remaining, wanted - taken);
        if (units > 0) {
          em.createNativeQuery(
                  "UPDATE campaign_stock_slice SET remaining = remaining - ?1"
                      + " WHERE campaign_code = ?2 AND slice = ?3")
              .setParameter(1, units)
              .setParameter(2, campaign.code())
              .setParameter(3, slice)
              .executeUpdate();
          taken += units;
          tookSome = true;
        }
      }
      if (!tookSome && !empty) {
        pause();
      }
    }
    if (empty) {
      // Until the next reading, later orders are told at once.
      Reading reading = levels.get(campaign.code());
      long sold = reading == null ? 0 : reading.level().sold();
      levels.put(campaign.code(), new Reading(new Level(sold, 0, true), System.nanoTime()));
    }
    return taken;
  }

  private static Reason limitReached(PresaleCampaign campaign) {
    return new Reason(
        "BUYER_LIMIT_REACHED",
        "At most " + campaign.perBuyerLimit() + " order(s) per buyer in this campaign.",
        "本活动每人限购 " + campaign.perBuyerLimit() + " 张。",
        "Per-buyer campaign limit");
  }

  private static void pause() {
    try {
      Thread.sleep(1 + ThreadLocalRandom.current().nextInt(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for campaign stock", e);
    }
  }

  /** Gives an order's unit back (cancelled or expired), in the caller's transaction. */
  public void giveBack(String campaignCode, String buyerDigest) {
    EntityManager em = unit.transaction();
    levels.remove(campaignCode);
    em.createNativeQuery(
            "UPDATE campaign_buyer SET orders = orders - 1 WHERE campaign_code = ?1"
                + " AND id_number_digest = ?2 AND orders > 0")
        .setParameter(1, campaignCode)
        .setParameter(2, buyerDigest)
        .executeUpdate();
    // Into any slice with room: a random one may be full, and the unit would be lost.
    em.createNativeQuery(
            "UPDATE campaign_stock_slice SET remaining = remaining + 1 WHERE campaign_code = ?1"
                + " AND remaining < initial LIMIT 1")
        .setParameter(1, campaignCode)
        .executeUpdate();
  }

  /**
   * How much of a campaign is sold and left, as read at most {@link #LEVEL_AGE} ago: the rules'
   * stock check and the sold-out answer use it, so a sale's peak does not add a read per order. The
   * authority stays {@link #take}.
   */
  public record Level(long sold, long remaining, boolean sliced) {

    /** Sold out for certain, as far as this reading goes. */
    public boolean soldOut() {
      return sliced && remaining == 0;
    }
  }

  private record Reading(Level level, long atNanos) {}

  /** Units sold: orders holding a unit, as read a moment ago. */
  public long sold(String campaignCode) {
    return level(campaignCode).sold();
  }

  /** The campaign's stock, as read a moment ago. */
  public Level level(String campaignCode) {
    Reading reading = levels.get(campaignCode);
    if (reading != null && System.nanoTime() - reading.atNanos() < LEVEL_AGE.toNanos()) {
      return reading.level();
    }
    long at = System.nanoTime();
    Level level = read(campaignCode);
    levels.put(campaignCode, new Reading(level, at));
    return level;
  }

  private Level read(String campaignCode) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COALESCE(SUM(initial - remaining), 0), COALESCE(SUM(remaining), 0),"
                    + " COUNT(*) FROM campaign_stock_slice WHERE campaign_code = ?")) {
      select.setString(1, campaignCode);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return new Level(row.getLong(1), row.getLong(2), row.getInt(3) > 0);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read campaign stock: " + e.getMessage(), e);
    }
  }

  /** The reason an order finds the campaign sold out. */
  public static Reason soldOut(String campaignCode) {
    return new Reason(
        "SOLD_OUT",
        "Campaign " + campaignCode + " is sold out.",
        "活动 " + campaignCode + " 已售罄。",
        "Campaign must have stock left");
  }
}
