/**
 * CUDA backend through JCuda's driver API: device probe, runtime (context, committed fatbin, buffers), the batched split stepper and the batched steady banded-LU solver; kernels in kernels/*.cu.
 */
package org.anisocr.solver.gpu;
