/**
 * The picocli commands: parse arguments (BackendOptions is the shared --backend/--threads mixin), call
 * run/sweep/validation/bench, print, map exceptions to exit codes. The only layer that talks to the user.
 */
package org.anisocr.cli;
