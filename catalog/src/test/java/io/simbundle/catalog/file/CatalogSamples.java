package io.simbundle.catalog.file;

import java.nio.charset.StandardCharsets;

/** Small catalog documents for tests; {@link #MINIMAL} is valid and others are edits of it. */
public final class CatalogSamples {

  private CatalogSamples() {}

  /** A valid catalog: line numbers matter to the tests that edit it. */
  public static final String MINIMAL =
      """
      version: "t-1"
      effectiveFrom: 2026-01-01T00:00:00+08:00
      partners:
        - code: tencent
          name: Tencent
      products:
        - code: card
          name: Test card
          partner: tencent
          provinces: [GD]
          plan: { monthlyFeeFen: 3600, dataMb: 500, voiceMinutes: 100, sms: 50 }
          privilegeMenu:
            name: Privileges
            lowerLimit: 1
            upperLimit: 2
            privileges:
              - code: free-wechat
                name: Free WeChat
                kind: ZERO_RATING
                ratingGroups: [1000]
                excludedRatingGroups: [1001]
              - code: big-groups
                name: Bigger groups
                kind: PARTNER_PERK
                perkCode: GROUP_CHAT_60
      campaigns:
        - code: presale
          name: Presale
          product: card
          channels: [yixun]
          stock: 100
          saleStart: 2026-01-01T00:00:00+08:00
          saleEnd: 2026-02-01T00:00:00+08:00
          perBuyerLimit: 1
      """;

  /** {@link #MINIMAL} with one piece of text replaced; fails if the piece is not there. */
  public static String minimalWith(String original, String replacement) {
    if (!MINIMAL.contains(original)) {
      throw new IllegalArgumentException("sample has no '" + original + "'");
    }
    return MINIMAL.replace(original, replacement);
  }

  public static byte[] bytes(String document) {
    return document.getBytes(StandardCharsets.UTF_8);
  }
}
