/**
 * CUDA backend through JCuda's driver API: device probe, runtime (context, committed fatbin, buffers), the batched
 * split stepper, the batched steady banded-LU solver and the solve-phase operations of batched mg-gmres ({@code
 * GpuMultigridBatch}); kernels in kernels/*.cu.
 */
package org.anisocr.solver.gpu;
