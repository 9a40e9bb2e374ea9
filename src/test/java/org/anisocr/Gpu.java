package org.anisocr;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that needs a CUDA device and skips without one. {@link DeviceTestRunner} runs these on the GPU machine;
 * {@code ./mvnw verify -DexcludedGroups=slow,gpu} leaves them out; CI runs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Gpu.TAG)
public @interface Gpu {
    String TAG = "gpu";
}
