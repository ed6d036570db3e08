package io.simbundle.provisioning.campaign;

import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.rules.decision.Reason;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The authority on a presale campaign's stock and per-buyer limit under concurrent orders. The
 * rules' checks run first on counts that may be a moment old; these run in the order's transaction
 * on rows the database locks, so a flash sale is never oversold and no buyer exceeds the limit,
 * whatever the burst.
 *
 * <p>The stock is split into {@value #SLICES} slices: an order decrements one picked at random
 * among those no other order holds, so buyers do not queue on one hot row.
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
  private final Set<String> sliced = ConcurrentHashMap.newKeySet();
  private final Map<String, Reading> levels = new ConcurrentHashMap<>();

  public CampaignStock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Creates the rows an order of this buyer in this campaign will lock, before its transaction: the
   * campaign's slices (once) and the buyer's counter. Inserting them inside concurrent order
   * transactions would deadlock on the duplicate-key checks.
   */
  public void prepare(PresaleCampaign campaign, String buyerDigest) {
    try (Connection connection = dataSource.getConnection()) {
      if (!sliced.contains(campaign.code())) {
        createSlices(connection, campaign);
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT IGNORE INTO campaign_buyer (campaign_code, id_number_digest, orders)"
                  + " VALUES (?, ?, 0)")) {
        insert.setString(1, campaign.code());
        insert.setString(2, buyerDigest);
        insert.executeUpdate();
      }
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
   * Takes one unit for a buyer, in the caller's transaction; {@link #prepare} must have run.
   *
   * @throws CampaignRefusal sold out, or the buyer's limit reached
   */
  public void take(EntityManager em, PresaleCampaign campaign, String buyerDigest) {
    int counted =
        em.createNativeQuery(
                "UPDATE campaign_buyer SET orders = orders + 1 WHERE campaign_code = ?1"
                    + " AND id_number_digest = ?2 AND orders < ?3")
            .setParameter(1, campaign.code())
            .setParameter(2, buyerDigest)
            .setParameter(3, campaign.perBuyerLimit())
            .executeUpdate();
    if (counted == 0) {
      throw new CampaignRefusal(
          new Reason(
              "BUYER_LIMIT_REACHED",
              "At most " + campaign.perBuyerLimit() + " order(s) per buyer in this campaign.",
              "本活动每人限购 " + campaign.perBuyerLimit() + " 张。",
              "Per-buyer campaign limit"));
    }
    // Never wait for a slice: an order only takes slices no other order holds (SKIP LOCKED), so
    // orders cannot deadlock on them. When every slice with stock left is held by orders in
    // flight, it looks again a moment later, until one is free or none has stock left.
    boolean empty = false;
    long giveUpAt = System.nanoTime() + HELD_SLICES_WAIT.toNanos();
    while (!empty && System.nanoTime() < giveUpAt) {
      @SuppressWarnings("unchecked")
      List<Integer> withStock =
          em.createNativeQuery(
                  "SELECT slice FROM campaign_stock_slice WHERE campaign_code = ?1"
                      + " AND remaining > 0",
                  Integer.class)
              .setParameter(1, campaign.code())
              .getResultList();
      if (withStock.isEmpty()) {
        empty = true;
        continue;
      }
      int first = ThreadLocalRandom.current().nextInt(withStock.size());
      for (int i = 0; i < withStock.size(); i++) {
        int slice = withStock.get((first + i) % withStock.size());
        List<?> held =
            em.createNativeQuery(
                    "SELECT remaining FROM campaign_stock_slice WHERE campaign_code = ?1"
                        + " AND slice = ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, campaign.code())
                .setParameter(2, slice)
                .getResultList();
        if (!held.isEmpty() && ((Number) held.get(0)).intValue() > 0) {
          em.createNativeQuery(
                  "UPDATE campaign_stock_slice SET remaining = remaining - 1"
                      + " WHERE campaign_code = ?1 AND slice = ?2")
              .setParameter(1, campaign.code())
              .setParameter(2, slice)
              .executeUpdate();
          return;
        }
      }
      pause();
    }
    // Not sold to this buyer after all: the caller's transaction may go on with other orders.
    em.createNativeQuery(
            "UPDATE campaign_buyer SET orders = orders - 1 WHERE campaign_code = ?1"
                + " AND id_number_digest = ?2")
        .setParameter(1, campaign.code())
        .setParameter(2, buyerDigest)
        .executeUpdate();
    if (empty) {
      // Until the next reading, later orders are told at once.
      Reading reading = levels.get(campaign.code());
      long sold = reading == null ? 0 : reading.level().sold();
      levels.put(campaign.code(), new Reading(new Level(sold, 0, true), System.nanoTime()));
    }
    throw new CampaignRefusal(soldOut(campaign.code()));
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
  public void giveBack(EntityManager em, String campaignCode, String buyerDigest) {
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
