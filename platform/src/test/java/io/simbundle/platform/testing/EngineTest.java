package io.simbundle.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that boots a whole engine, or a charging function behind a Diameter server: seconds
 * to start and real sockets. {@code ./mvnw -B verify} runs them; the quick loop ({@code -Pquick})
 * leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(EngineTest.TAG)
public @interface EngineTest {
  String TAG = "engine";
}
