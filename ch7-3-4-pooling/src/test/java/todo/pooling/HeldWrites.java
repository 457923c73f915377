package todo.pooling;

import testsupport.Hold;
import todo.pooling.safety.WriteHooks;

/**
 * The shared {@link Hold} as a design's write hooks: {@link WriteHooks} is this step's seam, which
 * the module that holds {@code Hold} (ch7-3-persistence) cannot see.
 */
final class HeldWrites {
    private HeldWrites() {}

    /** Hooks that begin and end each write in {@code hold}: held ones wait for its release. */
    static WriteHooks hooks(Hold hold) {
        return new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                hold.begin(key, bytes);
            }

            @Override
            public void end(String key, byte[] bytes) {
                hold.end(key, bytes);
            }
        };
    }
}
