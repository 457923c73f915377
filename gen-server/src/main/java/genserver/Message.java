package genserver;

/**
 * What a mailbox holds: a call ({@link From}), a cast or a stop. Each message is its own link in
 * the mailbox's chain, so that sending allocates nothing beyond the message itself (see the notes
 * in {@link Process}).
 */
abstract class Message {
    /** The next message in the mailbox; written by the sender before it publishes this one. */
    Message next;

    /** {@code GenServer.cast}: nobody waits for an answer. */
    static final class CastMessage extends Message {
        final Object request;

        CastMessage(Object request) {
            this.request = request;
        }
    }

    /** {@code GenServer.stop}: its caller waits on {@code from} until the process is gone. */
    static final class SystemStop extends Message {
        final Object reason;
        final From from;

        SystemStop(Object reason, From from) {
            this.reason = reason;
            this.from = from;
        }
    }
}
