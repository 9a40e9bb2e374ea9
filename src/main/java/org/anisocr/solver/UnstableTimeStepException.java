package org.anisocr.solver;

/**
 * A time step the explicit mixed term cannot take: bad input (the message names the key, the value and the largest
 * stable step), refused before any step is taken. The command line reports it as it reports a bad model file.
 */
public class UnstableTimeStepException extends RuntimeException {
    public UnstableTimeStepException(String message) {
        super(message);
    }
}
