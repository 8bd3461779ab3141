package lab.softmax.app;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * A lab's long computation as its buttons drive it (all on the FX thread): start, cancel, busy, and how many
 * results its charts show so far.
 */
record LongRun(String name, Runnable start, Runnable cancel, BooleanSupplier busy, IntSupplier shown) { }
