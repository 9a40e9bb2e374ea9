package org.anisocr.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.solver.Backend;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuUnavailableException;

import java.time.Instant;

/**
 * The opening keys every device benchmark writes: when, on which device, or why no device was used, and the Java
 * version (JIT and vector code differ between releases, so the figures are only comparable with it).
 */
public record DeviceHeader(@JsonProperty("date_utc") String dateUtc,
                           @JsonProperty("device") String device,
                           @JsonProperty("device_detail") String deviceDetail,
                           @JsonProperty("gpu_unavailable") String gpuUnavailable,
                           @JsonProperty("java") String java) {

    /**
     * The device a benchmark may use: null for {@code --backend cpu}; a GPU that is not usable when
     * {@code --backend gpu} asked for one is refused before any work.
     */
    static GpuInfo probe(Backend backend, String command) {
        if (backend == Backend.CPU) {
            return null;
        }
        GpuInfo info = GpuDevice.probe();
        if (backend == Backend.GPU && !info.available()) {
            throw new GpuUnavailableException(command + " --backend gpu requested but " + info.describe());
        }
        return info;
    }

    static boolean usable(GpuInfo info) {
        return info != null && info.available();
    }

    /** Now, on {@code info}'s device when it is usable, else with the reason it is not. */
    static DeviceHeader of(GpuInfo info) {
        boolean gpu = usable(info);
        String unavailable = null;
        if (!gpu) {
            unavailable = info == null ? "backend cpu requested" : info.reason();
        }
        return new DeviceHeader(Instant.now().toString(), gpu ? info.name() : null, gpu ? info.describe() : null,
                unavailable, System.getProperty("java.version"));
    }
}
