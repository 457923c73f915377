package genserver;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * OTP's GenServer on a Java virtual thread.
 *
 * <p>A server is a class that implements the callbacks below. The callbacks run in the server's
 * own process, one message at a time, and return a {@link Result} that says what to do next; the
 * state they receive and return belongs to that process alone. Everything else, starting,
 * calling, casting, stopping, is done through the static functions of this interface, which run
 * in the caller's thread and reach the process only as messages.
 *
 * <p>Each request says how it is sent: a {@link Cast} is told and not answered, a {@link Call
 * Call<R>} is answered with an {@code R}. So {@code call} returns the request's answer type without
 * a cast, the compiler refuses a call sent as a cast (and the reverse), and each callback covers
 * the other kind with one arm that never runs.
 *
 * <pre>{@code
 * sealed interface Request permits Push, Pop {}
 * record Push(String item) implements Request, Cast {}
 * record Pop() implements Request, Call<String> {}
 *
 * final class Stack implements GenServer<List<String>, Request> {
 *     public Result<List<String>> init() { return Result.ok(List.of()); }
 *
 *     public Result<List<String>> handleCast(Request request, List<String> items) {
 *         return switch (request) {
 *             case Push(String item) -> Result.noreply(push(items, item));
 *             case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
 *         };
 *     }
 *
 *     public Result<List<String>> handleCall(Request request, From from, List<String> items) {
 *         return switch (request) {
 *             case Pop() -> Result.reply(items.getFirst(), items.subList(1, items.size()));
 *             case Cast cast -> throw new AssertionError(cast); // call takes a Call only
 *         };
 *     }
 * }
 * Pid<Request> stack = GenServer.start(new Stack());
 * GenServer.cast(stack, new Push("a"));
 * String top = GenServer.call(stack, new Pop());
 * }</pre>
 *
 * @param <S> the state the process keeps between messages
 * @param <M> the messages it accepts (a sealed interface of records, each a {@link Cast} or a
 *     {@link Call}, so that {@code switch} proves that every one is handled)
 */
public interface GenServer<S, M> {

    /** OTP's default: a call waits 5 seconds for its answer. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** OTP's {@code :infinity}: a {@link #call} with this timeout waits as long as it takes. */
    Duration INFINITY = Duration.ofMillis(Long.MAX_VALUE);

    // ---- callbacks: run in the server's own process ----

    /** The initial state ({@link Result#ok}), possibly with a continuation, or a {@link Result#stop}. */
    Result<S> init();

    /**
     * Answers a {@link #call}: {@link Result#reply} now, or {@link Result#noreply} and answer later
     * through {@link #reply(From, Object)}. The request is always a {@link Call}.
     */
    default Result<S> handleCall(M request, From from, S state) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not handle calls: " + request);
    }

    /** Handles a {@link #cast}; there is no one to answer. The request is always a {@link Cast}. */
    default Result<S> handleCast(M request, S state) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not handle casts: " + request);
    }

    /** Runs right after a callback that returned {@link Result#continueWith}, before the next message. */
    default Result<S> handleContinue(Object continueArg, S state) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not handle continue: " + continueArg);
    }

    /** Runs once as the process ends: after a stop, or after a callback threw. */
    default void terminate(Object reason, S state) {}

    // ---- interface functions: run in the caller's thread ----

    /** Starts a process, waits for its {@code init} and returns its pid. */
    static <S, M> Pid<M> start(GenServer<S, M> server) {
        return new Process<>(Objects.requireNonNull(server, "server"), null).start();
    }

    /**
     * Starts a process registered under {@code name}, like {@code GenServer.start(mod, arg, name:
     * name)}.
     *
     * @throws AlreadyStartedException if a live process holds the name; it carries that pid
     */
    static <S, M> Pid<M> start(String name, GenServer<S, M> server) {
        return new Process<>(Objects.requireNonNull(server, "server"),
                Objects.requireNonNull(name, "name")).start();
    }

    /** The process registered under {@code name}, if one lives (OTP's {@code whereis}). */
    @SuppressWarnings("unchecked")
    static <M> Optional<Pid<M>> whereis(String name) {
        return Optional.ofNullable((Pid<M>) Process.REGISTRY.get(name));
    }

    /**
     * Sends {@code request} and waits up to 5 seconds for its answer, an {@code R} as the request
     * declares ({@code Get implements Request, Call<Loaded>} is answered with a {@code Loaded}).
     *
     * @throws CallTimeoutException if no answer came in time; a later answer is dropped
     * @throws ProcessExitException if the process is not alive or dies before answering
     */
    static <R, Q extends Call<R>> R call(Pid<? super Q> pid, Q request) {
        return call(pid, request, DEFAULT_TIMEOUT);
    }

    /**
     * {@link #call(Pid, Call)} with a timeout of the caller's choosing. A timeout too long to count
     * in nanoseconds, such as {@code Duration.ofMillis(Long.MAX_VALUE)}, means "wait forever", as
     * OTP's {@code :infinity} does; a negative or null one is refused before anything is sent.
     *
     * @throws IllegalArgumentException if the timeout is negative; nothing was sent
     */
    @SuppressWarnings("unchecked") // the one unchecked cast: the server answers what Q declares
    static <R, Q extends Call<R>> R call(Pid<? super Q> pid, Q request, Duration timeout) {
        return (R) pid.process.call(request, timeout);
    }

    /**
     * Sends a call and returns at once, without waiting for its answer (OTP's {@code
     * :gen_server.send_request/2}): a client can have many calls in flight, to one server or to
     * several, and {@link #receiveResponse} each answer later. The server sees an ordinary call.
     * A process that has ended fails the request when its answer is received, not here.
     *
     * @throws IllegalArgumentException if the request is also a {@link Cast}: nothing was sent
     * @throws IllegalStateException if a process sends a request to itself, whose answer none of
     *     its callbacks could receive: nothing was sent
     */
    static <R, Q extends Call<R>> RequestId<R> sendRequest(Pid<? super Q> pid, Q request) {
        @SuppressWarnings("unchecked") // the id carries the answer type that Q declares
        RequestId<R> id = (RequestId<R>) pid.process.sendRequest(request);
        return id;
    }

    /**
     * Waits up to 5 seconds for the answer to a request sent with {@link #sendRequest} (OTP's
     * {@code :gen_server.receive_response/2}, which returns {@code {:reply, r}}; here it is
     * {@code r}, and the errors are thrown, as {@link #call} throws them). Only the process that
     * sent it may receive it. Asked again, it returns the same answer (unlike OTP, where the
     * answer is a message and taken once).
     *
     * @throws CallTimeoutException if no answer came in time: the request is abandoned, as OTP's
     *     is, a later answer is dropped, and every later receive of it throws this again at once
     * @throws ProcessExitException if the process was not alive or died before answering
     * @throws IllegalStateException if another process sent the request
     */
    static <R> R receiveResponse(RequestId<R> id) {
        return receiveResponse(id, DEFAULT_TIMEOUT);
    }

    /**
     * {@link #receiveResponse(RequestId)} with a timeout of the caller's choosing, as a call's
     * ({@link #INFINITY} waits as long as it takes).
     *
     * @throws IllegalArgumentException if the timeout is negative; the answer can still be received
     */
    @SuppressWarnings("unchecked") // the server answers what the request's Call type declares
    static <R> R receiveResponse(RequestId<R> id, Duration timeout) {
        return (R) id.process.receive(id, timeout);
    }

    /**
     * Sends {@code request} and returns at once. Never blocks, never fails; to a dead process it is
     * lost.
     *
     * @throws IllegalArgumentException if the request is also a {@link Call} (only raw types let
     *     one through): nothing was sent
     */
    static <Q extends Cast> void cast(Pid<? super Q> pid, Q request) {
        pid.process.cast(request);
    }

    /**
     * Casts {@code request} to {@code pid} once {@code delay} has passed, and returns at once (OTP's
     * {@code Process.send_after/3}; the message arrives as a cast). A server uses it to come back
     * to something later without waiting for it, e.g. to try a failed write again after a
     * back-off. Like a cast it never fails: if the process has ended by then, it is dropped. A
     * timer is not a process (it is not counted by {@link #processCount}), and cannot be cancelled:
     * the server ignores a message it no longer needs.
     *
     * @throws IllegalArgumentException if the delay is negative, or the request is also a {@link
     *     Call}; nothing will be sent
     */
    static <Q extends Cast> void sendAfter(Pid<? super Q> pid, Q request, Duration delay) {
        Objects.requireNonNull(pid, "pid");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        Process.requireCast(request);
        Thread.ofVirtual().name("send_after " + pid).start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return; // nobody interrupts a timer but a JVM that shuts down
            }
            cast(pid, request);
        });
    }

    /**
     * Answers a call that its server deferred with {@link Result#noreply}; from any process. The
     * value is what the call's {@link Call} type declares: the caller receives it as that type.
     */
    static void reply(From from, Object value) {
        from.complete(value);
    }

    /**
     * Stops the process with reason {@code "normal"}: it runs {@code terminate}, and every later
     * call fails with a "no process" {@link ProcessExitException}. Returns once it has ended.
     *
     * <p>A callback cannot stop its own process this way (it would wait forever for its own end):
     * it gets an {@link IllegalStateException}, as a process that calls itself does, and a callback
     * that lets it escape ends the process with it. A callback ends its process by returning
     * {@link Result#stop}, OTP's {@code {:stop, reason, state}}.
     */
    static void stop(Pid<?> pid) {
        stop(pid, "normal");
    }

    /** Stops the process with the given reason. */
    static void stop(Pid<?> pid, Object reason) {
        pid.process.stop(reason);
    }

    /** Runs {@code body} in a new one-off process (OTP's {@code spawn}); an exception ends only it. */
    static Pid<Void> spawn(Runnable body) {
        return new Process<>(new OneOff(Objects.requireNonNull(body, "body")), null).spawn();
    }

    /** Whether the process is still running (OTP's {@code Process.alive?}). */
    static boolean isAlive(Pid<?> pid) {
        return pid.process.isAlive();
    }

    /** Messages waiting in the process's mailbox (OTP's {@code :message_queue_len}). */
    static int messageQueueLength(Pid<?> pid) {
        return pid.process.mailboxLength();
    }

    /** How many processes are alive now (OTP's {@code :erlang.system_info(:process_count)}). */
    static int processCount() {
        return Process.LIVE.get();
    }
}
