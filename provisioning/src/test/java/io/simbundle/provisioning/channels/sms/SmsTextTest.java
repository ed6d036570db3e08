package io.simbundle.provisioning.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts become the submit_sm parts a handset joins again, in the right alphabet. */
class SmsTextTest {

  @Test
  void aShortEnglishTextIsOneMessageInTheDefaultAlphabetWithoutAHeader() {
    List<SmsText.Part> parts = SmsText.parts("You have used 80% of this month's data.", 7);

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).dataCoding()).isEqualTo(SmsText.DEFAULT_ALPHABET);
    assertThat(parts.get(0).concatenated()).isFalse();
    assertThat(new String(parts.get(0).shortMessage())).startsWith("You have used 80%");
  }

  @Test
  void chineseIsUcs2AndSeventyCharactersStillFitOneMessage() {
    String seventy = "您".repeat(70);

    List<SmsText.Part> parts = SmsText.parts(seventy, 7);

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).dataCoding()).isEqualTo(SmsText.UCS2);
    assertThat(parts.get(0).shortMessage()).hasSize(140);
  }

  @Test
  void aLongChineseTextIsSplitIntoConcatenatedPartsOfSixtySevenCharacters() {
    String text = "您本月套餐流量已用80%。".repeat(12); // 156 characters

    List<SmsText.Part> parts = SmsText.parts(text, 0x1A3);

    assertThat(parts).hasSize(3);
    assertThat(parts)
        .allSatisfy(
            part -> {
              assertThat(part.concatenated()).isTrue();
              assertThat(part.dataCoding()).isEqualTo(SmsText.UCS2);
              assertThat(part.shortMessage().length).isLessThanOrEqualTo(140);
            });
    byte[] second = parts.get(1).shortMessage();
    assertThat(new byte[] {second[0], second[1], second[2], second[3], second[4], second[5]})
        .as("UDH: concatenation, 8-bit reference 0xA3, 3 parts, this is the 2nd")
        .containsExactly(5, 0, 3, (byte) 0xA3, 3, 2);
    assertThat(parts.get(0).shortMessage()).hasSize(6 + 67 * 2);
    assertThat(SmsText.joined(parts)).isEqualTo(text);
  }

  @Test
  void aLongAsciiTextIsSplitIntoPartsOf153() {
    String text = "x".repeat(400);

    List<SmsText.Part> parts = SmsText.parts(text, 1);

    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
    assertThat(SmsText.joined(parts)).isEqualTo(text);
  }

  @Test
  void aCharacterBeyondTheBasicPlaneIsNeverCutInHalf() {
    String text = "好".repeat(66) + "😀" + "好".repeat(10);

    List<SmsText.Part> parts = SmsText.parts(text, 1);

    assertThat(SmsText.joined(parts)).isEqualTo(text);
    assertThat(parts.get(0).shortMessage()).as("66 characters: the pair moved on").hasSize(6 + 132);
  }

  @Test
  void anEmptyTextIsRefused() {
    assertThatThrownBy(() -> SmsText.parts("", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
