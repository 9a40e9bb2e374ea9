package org.anisocr.run;

/**
 * A batch of steady models could not be solved together: the device failed, or one model's system is singular or
 * diverged. Solving the models one by one then keeps each failure with the model that has it; any other exception
 * is a bug and is not wrapped.
 */
public final class BatchFailedException extends RuntimeException {
    BatchFailedException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
