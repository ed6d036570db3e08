package io.simbundle.provisioning.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing, digests and masking of names and ID numbers. */
class PersonalDataTest {

  private static final byte[] KEY = new byte[32];
  private static final String ID = "44010619900307123X";

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  @Test
  void sealedValuesOpenOnlyWithTheKeyAndFieldTheyWereSealedFor() {
    PersonalData data = PersonalData.withKey(KEY);
    byte[] otherKey = KEY.clone();
    otherKey[0] = 8;

    String sealed = data.seal().seal("idNumber", ID);

    assertThat(sealed).doesNotContain(ID).isNotEqualTo(data.seal().seal("idNumber", ID));
    assertThat(data.seal().open("idNumber", sealed)).isEqualTo(ID);
    assertThatThrownBy(() -> data.seal().open("name", sealed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PersonalData.withKey(otherKey).seal().open("idNumber", sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTamperedSealIsRefused() {
    PersonalData data = PersonalData.withKey(KEY);
    byte[] bytes = Base64.getDecoder().decode(data.seal().seal("name", "张三"));
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(() -> data.seal().open("name", Base64.getEncoder().encodeToString(bytes)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void digestsIgnoreCaseAndSpacesAroundTheNumber() {
    PersonalDataDigest digest = PersonalData.withKey(KEY).digest();

    assertThat(digest.of(" 44010619900307123x ")).isEqualTo(digest.of(ID));
    assertThat(digest.of(ID)).hasSize(64).doesNotContain(ID);
  }

  @Test
  void masksKeepOnlyRegionLastFourAndFamilyName() {
    assertThat(Masked.idNumber(ID)).isEqualTo("4401**********123X");
    assertThat(Masked.name("欧阳修")).isEqualTo("欧**");
    assertThat(Masked.name("Li")).isEqualTo("L*");
    assertThat(Masked.idNumber("123")).isEqualTo("***");
  }
}
