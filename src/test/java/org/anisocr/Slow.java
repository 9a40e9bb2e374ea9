package org.anisocr;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that takes more than about 5 s on a 2-core machine (a whole convergence study, a fresh build, a child JVM).
 * {@code ./mvnw verify -DexcludedGroups=slow,gpu} leaves these out; CI runs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {
    String TAG = "slow";
}
