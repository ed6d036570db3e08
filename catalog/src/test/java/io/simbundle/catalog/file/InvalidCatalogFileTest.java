package io.simbundle.catalog.file;

import static io.simbundle.catalog.file.CatalogSamples.bytes;
import static io.simbundle.catalog.file.CatalogSamples.minimalWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad catalog input is refused with its file, line, path and reason. */
class InvalidCatalogFileTest {

  private static final String FILE = "bad.yaml";
  private static final String FIRST_PRIVILEGE = "products[0].privilegeMenu.privileges[0]";
  private static final String SECOND_PRIVILEGE = "products[0].privilegeMenu.privileges[1]";

  private final CatalogFileReader reader = new CatalogFileReader();

  static Stream<Arguments> badDocuments() {
    return Stream.of(
        bad(
            "malformed YAML",
            "plan: { monthlyFeeFen: 3600, dataMb: 500, voiceMinutes: 100, sms: 50 }",
            "plan: { monthlyFeeFen: 3600, dataMb: 500",
            "(document)",
            12,
            "not well-formed"),
        bad(
            "duplicate key",
            "stock: 100",
            "stock: 100\n    stock: 200",
            "(document)",
            32,
            "Duplicate field 'stock'"),
        bad(
            "missing required field",
            "    name: Test card\n",
            "",
            "products[0].name",
            7,
            "is required"),
        bad(
            "text where a number belongs",
            "monthlyFeeFen: 3600",
            "monthlyFeeFen: \"36 yuan\"",
            "products[0].plan.monthlyFeeFen",
            11,
            "must be a whole number"),
        bad(
            "misspelt field name",
            "ratingGroups: [1000]",
            "ratingGroup: [1000]",
            FIRST_PRIVILEGE + ".ratingGroup",
            20,
            "unknown field"),
        bad(
            "unknown partner",
            "partner: tencent",
            "partner: tencnet",
            "products[0].partner",
            9,
            "unknown partner 'tencnet'"),
        bad(
            "unknown province",
            "provinces: [GD]",
            "provinces: [GDX]",
            "products[0].provinces[0]",
            10,
            "is not a province code"),
        bad(
            "upper limit above the options",
            "upperLimit: 2",
            "upperLimit: 3",
            "products[0].privilegeMenu.upperLimit",
            15,
            "above the 2 privileges on offer"),
        bad(
            "lower limit above upper limit",
            "lowerLimit: 1",
            "lowerLimit: 3",
            "products[0].privilegeMenu.lowerLimit",
            14,
            "above the upper limit 2"),
        bad(
            "a call rounded to nothing",
            "sms: 50 }",
            "sms: 50, voiceUnitSeconds: 0 }",
            "products[0].plan.voiceUnitSeconds",
            11,
            "between 1 and 3600"),
        bad(
            "negative limit",
            "lowerLimit: 1",
            "lowerLimit: -1",
            "products[0].privilegeMenu.lowerLimit",
            14,
            "between 0 and 100"),
        bad(
            "rating group both free and excluded",
            "excludedRatingGroups: [1001]",
            "excludedRatingGroups: [1000]",
            FIRST_PRIVILEGE + ".excludedRatingGroups",
            21,
            "both zero-rated and excluded"),
        bad(
            "rating group beyond Unsigned32",
            "ratingGroups: [1000]",
            "ratingGroups: [4294967296]",
            FIRST_PRIVILEGE + ".ratingGroups[0]",
            20,
            "between 0 and 4294967295"),
        bad(
            "zero-rating without traffic",
            "ratingGroups: [1000]",
            "ratingGroups: []",
            FIRST_PRIVILEGE + ".ratingGroups",
            20,
            "needs at least one rating group"),
        bad(
            "rating group listed twice",
            "ratingGroups: [1000]",
            "ratingGroups: [1000, 1000]",
            FIRST_PRIVILEGE + ".ratingGroups[1]",
            20,
            "listed twice"),
        bad(
            "called prefix written with a plus",
            "kind: PARTNER_PERK\n          perkCode: GROUP_CHAT_60",
            "kind: SPONSORED_CALLS\n          minutesPerCycle: 100\n          calledPrefixes:"
                + " [\"+8612593\"]",
            SECOND_PRIVILEGE + ".calledPrefixes[0]",
            26,
            "is not a called-number prefix of 1 to 15 digits"),
        bad(
            "sponsored minutes beyond a month",
            "kind: PARTNER_PERK\n          perkCode: GROUP_CHAT_60",
            "kind: SPONSORED_CALLS\n          minutesPerCycle: 50000\n          calledPrefixes:"
                + " [\"8612593\"]",
            SECOND_PRIVILEGE + ".minutesPerCycle",
            25,
            "between 1 and 44640"),
        bad(
            "a negative overage price",
            "sms: 50 }",
            "sms: 50, smsOverageFen: -10 }",
            "products[0].plan.smsOverageFen",
            11,
            "between 0 and"),
        bad(
            "unknown privilege kind",
            "kind: PARTNER_PERK",
            "kind: COUPON",
            SECOND_PRIVILEGE + ".kind",
            24,
            "'COUPON' is not one of"),
        bad(
            "field of another kind",
            "perkCode: GROUP_CHAT_60",
            "perkCode: GROUP_CHAT_60\n          megabytes: 100",
            SECOND_PRIVILEGE + ".megabytes",
            26,
            "unknown field"),
        bad(
            "malformed perk code",
            "perkCode: GROUP_CHAT_60",
            "perkCode: group chat",
            SECOND_PRIVILEGE + ".perkCode",
            25,
            "not a perk code"),
        bad(
            "privilege code used twice",
            "code: big-groups",
            "code: free-wechat",
            SECOND_PRIVILEGE + ".code",
            22,
            "already used"),
        bad(
            "requirement on an unknown privilege",
            "perkCode: GROUP_CHAT_60",
            "perkCode: GROUP_CHAT_60\n          requires: [nope]",
            SECOND_PRIVILEGE + ".requires",
            26,
            "unknown privilege 'nope'"),
        bad(
            "privilege excluding itself",
            "perkCode: GROUP_CHAT_60",
            "perkCode: GROUP_CHAT_60\n          excludes: [big-groups]",
            SECOND_PRIVILEGE + ".excludes",
            26,
            "cannot refer to itself"),
        bad(
            "B2B2C type outside 1-4",
            "perkCode: GROUP_CHAT_60",
            "perkCode: GROUP_CHAT_60\n          b2b2cTypes: [5]",
            SECOND_PRIVILEGE + ".b2b2cTypes[0]",
            26,
            "between 1 and 4"),
        bad(
            "gift without recurrence",
            "kind: PARTNER_PERK\n          perkCode: GROUP_CHAT_60",
            "kind: TRAFFIC_GIFT\n          megabytes: 100\n          validityDays: 31",
            SECOND_PRIVILEGE + ".recurrence",
            22,
            "is required"),
        bad(
            "effective date without offset",
            "effectiveFrom: 2026-01-01T00:00:00+08:00",
            "effectiveFrom: 2026-01-01",
            "effectiveFrom",
            2,
            "not an ISO-8601 date-time with offset"),
        bad(
            "bad version label",
            "version: \"t-1\"",
            "version: \"t 1/2\"",
            "version",
            1,
            "not a version label"),
        bad(
            "unknown lifecycle status",
            "partner: tencent",
            "partner: tencent\n    lifecycleStatus: Sold",
            "products[0].lifecycleStatus",
            10,
            "not a TMF lifecycle status"),
        bad(
            "campaign for an unknown product",
            "product: card",
            "product: cart",
            "campaigns[0].product",
            29,
            "unknown product 'cart'"),
        bad(
            "campaign that ends before it starts",
            "saleEnd: 2026-02-01T00:00:00+08:00",
            "saleEnd: 2025-12-01T00:00:00+08:00",
            "campaigns[0].saleEnd",
            33,
            "must end after it starts"),
        bad(
            "campaign without stock",
            "stock: 100",
            "stock: 0",
            "campaigns[0].stock",
            31,
            "between 1 and"),
        bad(
            "campaign outside the product's provinces",
            "channels: [yixun]",
            "channels: [yixun]\n    provinces: [BJ]",
            "campaigns[0].provinces",
            31,
            "not sold in [BJ]"),
        bad(
            "deposit without a final payment window",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\n    depositFen: 500\n",
            "campaigns[0].finalPayment",
            27,
            "says when the rest is paid"),
        bad(
            "deposit as large as the price",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\n    depositFen: 3600\n    finalPayment: { withinDays: 3 }\n",
            "campaigns[0].depositFen",
            35,
            "must be less than the price (3600 fen)"),
        bad(
            "final payment window that closes before it opens",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\n    depositFen: 500\n    finalPayment: {opens: 2026-01-10T00:00:00+08:00,"
                + " closes: 2026-01-09T00:00:00+08:00}\n",
            "campaigns[0].finalPayment.closes",
            36,
            "must close after it opens"),
        bad(
            "final payment on fixed dates and within days at once",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\n    depositFen: 500\n    finalPayment: {withinDays: 3,"
                + " opens: 2026-01-10T00:00:00+08:00}\n",
            "campaigns[0].finalPayment",
            36,
            "not both"),
        bad(
            "final payment without a deposit",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\n    finalPayment: { withinDays: 3 }\n",
            "campaigns[0].depositFen",
            27,
            "a final payment follows a deposit"),
        bad(
            "unknown fate of an unpaid deposit",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\n    unpaidDeposit: LOST\n",
            "campaigns[0].unpaidDeposit",
            35,
            "'LOST' is not one of [KEPT, REFUNDED]"),
        bad(
            "more cards an order than the real-name limit",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 5\n    maxItemsPerOrder: 6\n",
            "campaigns[0].maxItemsPerOrder",
            35,
            "must be between 1 and 5, was 6"),
        bad(
            "more cards an order than one buyer may order",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 2\n    maxItemsPerOrder: 3\n",
            "campaigns[0].maxItemsPerOrder",
            35,
            "more than one buyer may order (perBuyerLimit 2)"),
        bad(
            "integrator without a share",
            "plan: { monthlyFeeFen: 3600, dataMb: 500, voiceMinutes: 100, sms: 50 }",
            "plan: { monthlyFeeFen: 3600, dataMb: 500, voiceMinutes: 100, sms: 50 }\n"
                + "    revenueShare: { partnerSharePercent: 10, integrator: asiainfo }",
            "products[0].revenueShare.integratorSharePercent",
            12,
            "an integrator and a share above 0 go together"),
        bad(
            "shares above 100 %",
            "plan: { monthlyFeeFen: 3600, dataMb: 500, voiceMinutes: 100, sms: 50 }",
            "plan: { monthlyFeeFen: 3600, dataMb: 500, voiceMinutes: 100, sms: 50 }\n"
                + "    revenueShare: { partnerSharePercent: 60, integrator: asiainfo,"
                + " integratorSharePercent: 50 }",
            "products[0].revenueShare.integratorSharePercent",
            12,
            "more than 100 %"),
        bad(
            "campaign without channels",
            "channels: [yixun]",
            "channels: []",
            "campaigns[0].channels",
            30,
            "at least one sales channel"),
        bad(
            "product code used twice",
            "campaigns:",
            "  - code: card\n    name: Again\n    partner: tencent\n"
                + "    plan: { monthlyFeeFen: 0, dataMb: 0, voiceMinutes: 0, sms: 0 }\n"
                + "    privilegeMenu: { name: x, lowerLimit: 0, upperLimit: 0, privileges: [] }\n"
                + "campaigns:",
            "products",
            6,
            "code 'card' is used more than once"),
        bad(
            "unknown notice kind",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\nnotices:\n  usage.threshold.DAT:\n    zh: 已用{percent}%\n"
                + "    en: \"{percent}% used\"\n",
            "notices.usage.threshold.DAT",
            36,
            "is not a notice kind"),
        bad(
            "placeholder the notice does not offer",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\nnotices:\n  gift.expiring:\n    zh: \"{gift}还剩{used}\"\n"
                + "    en: \"{gift} expires on {date}\"\n",
            "notices.gift.expiring.zh",
            37,
            "{used} is not offered here"),
        bad(
            "notice without its English text",
            "perBuyerLimit: 1\n",
            "perBuyerLimit: 1\nnotices:\n  gift.expiring:\n    zh: \"{gift}将于{date}到期\"\n",
            "notices.gift.expiring.en",
            36,
            "is required"));
  }

  private static Arguments bad(
      String kind, String original, String replacement, String path, int line, String message) {
    return Arguments.of(kind, minimalWith(original, replacement), path, line, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void badInputIsRefusedNamingFileLinePathAndReason(
      String kind, String document, String path, int line, String message) {
    InvalidCatalogException refused =
        catchThrowableOfType(
            InvalidCatalogException.class, () -> reader.read(FILE, bytes(document)));

    assertThat(refused).as(kind).isNotNull();
    assertThat(refused.problems())
        .as(kind)
        .anySatisfy(
            problem -> {
              assertThat(problem.file()).isEqualTo(FILE);
              assertThat(problem.path()).isEqualTo(path);
              assertThat(problem.line()).isEqualTo(line);
              assertThat(problem.message()).contains(message);
            });
    assertThat(refused.getMessage()).contains(FILE + ":" + line + ": " + path);
  }

  @Test
  void everyProblemInAFileIsReportedAtOnce() {
    String document =
        minimalWith("partner: tencent", "partner: nobody")
            .replace("upperLimit: 2", "upperLimit: 7")
            .replace("stock: 100", "stock: -5");

    InvalidCatalogException refused =
        catchThrowableOfType(
            InvalidCatalogException.class, () -> reader.read(FILE, bytes(document)));

    assertThat(refused.problems())
        .extracting(CatalogProblem::path)
        .containsExactly(
            "products[0].partner",
            "products[0].privilegeMenu.upperLimit",
            "campaigns[0].product",
            "campaigns[0].stock");
  }

  @Test
  void fileThatIsNotUtf8IsRefused() {
    byte[] latin1 = {'v', 'e', 'r', (byte) 0xE9, ':', ' ', '1'};

    assertThatThrownBy(() -> reader.read(FILE, latin1))
        .isInstanceOf(InvalidCatalogException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void emptyFileIsRefused() {
    assertThatThrownBy(() -> reader.read(FILE, new byte[0]))
        .isInstanceOf(InvalidCatalogException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void documentThatIsAListIsRefused() {
    assertThatThrownBy(() -> reader.read(FILE, bytes("- a\n- b\n")))
        .isInstanceOf(InvalidCatalogException.class)
        .hasMessageContaining("must be an object");
  }
}
