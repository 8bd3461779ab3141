package lab.softmax.engine.io;

/**
 * One lab's scenario format: the "lab" name, the current "version" and the record holding the
 * lab's whole state (every control, the seed, the precision).
 */
public record ScenarioType<S>(String lab, int version, Class<S> stateClass) { }
