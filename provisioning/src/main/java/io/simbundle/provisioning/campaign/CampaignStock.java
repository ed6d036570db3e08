package io.simbundle.provisioning.campaign;

import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.rules.decision.Reason;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

  private final DataSource dataSource;
  private final Set<String> sliced = ConcurrentHashMap.newKeySet();

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
    for (int round = 0; round < 100; round++) {
      @SuppressWarnings("unchecked")
      List<Integer> withStock =
          em.createNativeQuery(
                  "SELECT slice FROM campaign_stock_slice WHERE campaign_code = ?1"
                      + " AND remaining > 0",
                  Integer.class)
              .setParameter(1, campaign.code())
              .getResultList();
      if (withStock.isEmpty()) {
        break;
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
    throw new CampaignRefusal(
        new Reason(
            "SOLD_OUT",
            "Campaign " + campaign.code() + " is sold out.",
            "活动 " + campaign.code() + " 已售罄。",
            "Campaign must have stock left"));
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

  /** Units sold: orders holding a unit now. */
  public long sold(String campaignCode) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COALESCE(SUM(initial - remaining), 0) FROM campaign_stock_slice"
                    + " WHERE campaign_code = ?")) {
      select.setString(1, campaignCode);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read campaign stock: " + e.getMessage(), e);
    }
  }
}
