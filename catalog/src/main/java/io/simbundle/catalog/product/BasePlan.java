package io.simbundle.catalog.product;

/**
 * What the monthly fee buys before any privilege.
 *
 * @param monthlyFeeFen the monthly fee in fen (1 yuan = 100 fen)
 * @param dataMb the data allowance per billing cycle, in MB
 * @param voiceMinutes domestic voice minutes per cycle
 * @param sms domestic SMS per cycle
 */
public record BasePlan(long monthlyFeeFen, long dataMb, int voiceMinutes, int sms) {
  public BasePlan {
    if (monthlyFeeFen < 0 || dataMb < 0 || voiceMinutes < 0 || sms < 0) {
      throw new IllegalArgumentException("plan figures must not be negative");
    }
  }
}
