package io.simbundle.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that kills, stalls, cuts or fuzzes a running engine: bounded in time, on loopback,
 * but long. {@code ./mvnw -B verify} runs them; the quick loop ({@code -Pquick}) leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FaultTest.TAG)
// The property-based fuzz tests run on jqwik's engine, which reads only its own tag annotation.
@net.jqwik.api.Tag(FaultTest.TAG)
public @interface FaultTest {
  String TAG = "fault";
}
