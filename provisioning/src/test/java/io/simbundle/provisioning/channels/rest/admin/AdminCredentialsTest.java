package io.simbundle.provisioning.channels.rest.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

  private final AdminCredentials credentials =
      new AdminCredentials("admin", "correct-horse-battery", false);

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsOnlyTheExactUserAndPassword() {
    assertThat(credentials.accept(basic("admin:correct-horse-battery"))).isTrue();
    assertThat(credentials.accept("basic " + basic("admin:correct-horse-battery").substring(6)))
        .isTrue();
    assertThat(credentials.accept(basic("admin:correct-horse-batter"))).isFalse();
    assertThat(credentials.accept(basic("Admin:correct-horse-battery"))).isFalse();
    assertThat(credentials.accept(basic("admin"))).isFalse();
    assertThat(credentials.accept("Basic !!!not-base64")).isFalse();
    assertThat(credentials.accept("Bearer abc")).isFalse();
    assertThat(credentials.accept(null)).isFalse();
  }

  @Test
  void passwordIsGeneratedWhenNoneIsConfiguredAndNeverPrinted() {
    AdminCredentials generated = AdminCredentials.of("admin", Optional.empty());

    assertThat(generated.generated()).isTrue();
    assertThat(generated.password()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(AdminCredentials.of("admin", Optional.empty()).password())
        .isNotEqualTo(generated.password());
    assertThat(generated.toString()).doesNotContain(generated.password());
  }

  @Test
  void shortPasswordsAreRefused() {
    assertThatThrownBy(() -> AdminCredentials.of("admin", Optional.of("secret")))
        .hasMessageContaining("at least 12 characters");
  }
}
