package io.simbundle.rules.realname;

import static io.simbundle.rules.RulesFixture.NOW;
import static io.simbundle.rules.RulesFixture.idNumberBornOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.decision.Decision;
import org.junit.jupiter.api.Test;

/** The real-name check at activation: only the rules about the person decide it. */
class RealNameCheckTest {

  @Test
  void adultWithAValidIdNumberAndFewCardsPasses() {
    Decision decision =
        RulesFixture.service().checkRealName("张三", idNumberBornOn("19900307"), 0, NOW);

    assertThat(decision.approved()).isTrue();
    assertThat(decision.reasonCodes()).isEmpty();
  }

  @Test
  void everyDefectOfThePersonIsReported() {
    String badCheckCharacter = idNumberBornOn("19900307").substring(0, 17) + "?";

    assertThat(RulesFixture.service().checkRealName(" ", badCheckCharacter, 0, NOW).reasonCodes())
        .containsExactlyInAnyOrder("NAME_MISSING", "ID_NUMBER_INVALID");
  }

  @Test
  void minorsAndHoldersOfTooManyCardsAreRefused() {
    assertThat(
            RulesFixture.service()
                .checkRealName("李四", idNumberBornOn("20150101"), 0, NOW)
                .reasonCodes())
        .containsExactly("TOO_YOUNG");
    assertThat(
            RulesFixture.service()
                .checkRealName("李四", idNumberBornOn("19800101"), 5, NOW)
                .reasonCodes())
        .containsExactly("TOO_MANY_CARDS");
  }
}
