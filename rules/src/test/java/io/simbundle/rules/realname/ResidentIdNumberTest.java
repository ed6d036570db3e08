package io.simbundle.rules.realname;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.rules.realname.ResidentIdNumber.Defect;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

  /** The worked example of GB 11643-1999 itself. */
  private static final String STANDARD_EXAMPLE = "11010519491231002X";

  @Test
  void standardExampleIsValidWithItsXCheckCharacter() {
    ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE).orElseThrow();

    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.provinceCode()).isEqualTo("11");
    assertThat(ResidentIdNumber.defect(STANDARD_EXAMPLE)).isEmpty();
    assertThat(ResidentIdNumber.parse("11010519491231002x")).contains(id);
  }

  @Test
  void everyKindOfDefectIsNamed() {
    assertThat(ResidentIdNumber.defect(null)).contains(Defect.WRONG_LENGTH);
    assertThat(ResidentIdNumber.defect("1101051949123100")).contains(Defect.WRONG_LENGTH);
    assertThat(ResidentIdNumber.defect("11010519491231A02X")).contains(Defect.NOT_DIGITS);
    assertThat(ResidentIdNumber.defect("11010519491231002Y")).contains(Defect.NOT_DIGITS);
    assertThat(ResidentIdNumber.defect("110105194912310021"))
        .contains(Defect.CHECK_CHARACTER_MISMATCH);
    String february30 = "44010619900230123";
    assertThat(ResidentIdNumber.defect(february30 + ResidentIdNumber.checkCharacter(february30)))
        .contains(Defect.IMPOSSIBLE_BIRTH_DATE);
  }

  @Test
  void ageCountsWholeYearsUpToTheBirthday() {
    ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE).orElseThrow();

    assertThat(id.ageOn(LocalDate.of(1965, 12, 30))).isEqualTo(15);
    assertThat(id.ageOn(LocalDate.of(1965, 12, 31))).isEqualTo(16);
  }

  @Test
  void maskingHidesAllButTheEdges() {
    assertThat(ResidentIdNumber.parse(STANDARD_EXAMPLE).orElseThrow().toString())
        .isEqualTo("1101************2X")
        .doesNotContain("19491231");
    assertThat(ResidentIdNumber.mask("123")).isEqualTo("****");
    assertThat(ResidentIdNumber.mask(null)).isEqualTo("****");
  }
}
