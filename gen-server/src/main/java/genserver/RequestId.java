package genserver;

import java.time.Duration;

/**
 * A call sent with {@link GenServer#sendRequest} whose answer is still to be received, OTP's
 * request id ({@code :gen_server.send_request/2}). Only the process that sent it may receive its
 * answer ({@link GenServer#receiveResponse}), as on the BEAM, where the answer is a message in its
 * own mailbox.
 *
 * @param <R> the answer's type, as the request's {@link Call} declares it
 */
public final class RequestId<R> {
    final Process<?, ?> process;
    final From from;
    /** The timeout of the receive that gave up on the answer; the sender's thread alone sets it. */
    Duration gaveUpAfter;

    RequestId(Process<?, ?> process, From from) {
        this.process = process;
        this.from = from;
    }

    @Override
    public String toString() {
        return "RequestId[" + from.request + " to " + process.pid + "]";
    }
}
