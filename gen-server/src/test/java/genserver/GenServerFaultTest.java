package genserver;

import static genserver.GenServerTest.waitsForAnAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import genserver.Probe.AwaitThenEcho;
import genserver.Probe.Echo;
import genserver.Probe.Msg;
import genserver.Probe.Record;
import genserver.Probe.Recorded;
import genserver.Probe.ReplyLater;
import genserver.Probe.Both;
import genserver.Probe.StopSelf;
import genserver.Probe.StopSelfInCall;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The gen-server rows of issue 11's fault table: each test reproduces one fault and asserts what
 * must happen instead. (A hang would show as a {@link CallTimeoutException} of the 30-second calls
 * below, never as a test that waits forever.)
 */
class GenServerFaultTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    /** A probe that knows its own pid (its first recorded item), so it can name itself. */
    private static Pid<Msg> selfAware(List<Object> terminatedWith) {
        Pid<Msg> probe = GenServer.start(new Probe(terminatedWith, null));
        GenServer.cast(probe, new Record(probe));
        return probe;
    }

    @Test
    void stopOfItselfFromHandleCallIsRefusedLikeACallToItselfInsteadOfDeadlocking() {
        var terminated = Collections.synchronizedList(new ArrayList<Object>());
        Pid<Msg> probe = selfAware(terminated);

        assertThatThrownBy(() -> GenServer.call(probe, new StopSelfInCall(), GENEROUS))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining(probe.toString())
                .hasMessageContaining("stops itself from a callback")
                .hasRootCauseInstanceOf(IllegalStateException.class);

        assertThat(GenServer.isAlive(probe)).isFalse();
        assertThat(terminated).singleElement().isInstanceOf(IllegalStateException.class);
        // A later stop from outside does not block: the process is gone, and it says so.
        assertThatThrownBy(() -> GenServer.stop(probe)).isInstanceOf(ProcessExitException.class)
                .hasMessageContaining(probe.toString());
    }

    @Test
    void stopOfItselfFromHandleCastEndsTheProcess() {
        var terminated = Collections.synchronizedList(new ArrayList<Object>());
        Pid<Msg> probe = selfAware(terminated);

        GenServer.cast(probe, new StopSelf());

        await().until(() -> !GenServer.isAlive(probe));
        assertThat(terminated).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStopAfterAStopOfItselfFromHandleCastDoesNotBlock() {
        Pid<Msg> probe = selfAware(Collections.synchronizedList(new ArrayList<Object>()));
        GenServer.cast(probe, new StopSelf());
        await().until(() -> !GenServer.isAlive(probe));

        assertThatThrownBy(() -> GenServer.stop(probe)).isInstanceOf(ProcessExitException.class);
    }

    static List<Duration> endless() {
        return List.of(Duration.ofMillis(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE),
                ChronoUnit.FOREVER.getDuration());
    }

    @ParameterizedTest
    @MethodSource("endless")
    void aTimeoutTooLongToCountMeansWaitForever(Duration forever) throws Exception {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        var answers = Collections.synchronizedList(new ArrayList<Object>());
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());

        assertThat((String) GenServer.call(probe, new Echo("now"), forever)).isEqualTo("now");
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                answers.add(GenServer.call(probe, new ReplyLater<>(gate, "later"), forever));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        await().until(() -> waitsForAnAnswer(caller) && GenServer.messageQueueLength(probe) == 0);
        gate.countDown();
        caller.join();

        assertThat(failures).isEmpty();
        assertThat(answers).containsExactly("later");
    }

    @Test
    void aCallThatWillThrowSendsNothing() {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> GenServer.call(probe, new AwaitThenEcho<>(gate, "busy")));
        await().until(() -> GenServer.messageQueueLength(probe) == 0 && gate.getCount() == 1);

        assertThatThrownBy(
                () -> GenServer.call(probe, new Echo<>("negative"), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> GenServer.call(probe, new Echo<>("no timeout"), null))
                .isInstanceOf(NullPointerException.class);
        assertThat(GenServer.messageQueueLength(probe)).isZero();

        gate.countDown();
        assertThat((List<Object>) GenServer.call(probe, new Recorded(), GENEROUS)).isEmpty();
    }

    @Test
    void aCallToAProcessThatEndedFailsUnsent() {
        Pid<Msg> probe = GenServer.start(new Probe());
        GenServer.stop(probe);

        assertThatThrownBy(() -> GenServer.call(probe, new Echo("anyone?"), GENEROUS))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining("is not alive (exit reason: normal)");
        assertThat(GenServer.messageQueueLength(probe)).isZero();
    }

    /** A state whose every use for a crash report runs out of memory, as a huge state would. */
    private record Huge() {
        @Override
        public String toString() {
            throw new OutOfMemoryError("Java heap space (while the crash report prints the state)");
        }
    }

    /** Runs out of memory on every call, and again as its crash report is built. */
    private record Encode() implements Call<Object> {}

    private static final class OutOfMemory implements GenServer<Huge, Encode> {
        @Override
        public Result<Huge> init() {
            return Result.ok(new Huge());
        }

        @Override
        public Result<Huge> handleCall(Encode request, From from, Huge state) {
            throw new OutOfMemoryError("Java heap space (while handling " + request + ")");
        }
    }

    @Test
    void anErrorEvenWhileTheCrashReportIsBuiltStillEndsTheProcess() {
        Pid<Encode> pid = GenServer.start("out of memory " + System.nanoTime(), new OutOfMemory());

        assertThatThrownBy(() -> GenServer.call(pid, new Encode(), GENEROUS))
                .isInstanceOf(ProcessExitException.class).hasMessageContaining(pid.toString())
                .hasRootCauseInstanceOf(OutOfMemoryError.class);

        assertThat(GenServer.isAlive(pid)).isFalse();
    }

    @Test
    void anErrorEvenWhileTheCrashReportIsBuiltStillFreesTheProcesssName() {
        String name = "out of memory " + System.nanoTime();
        Pid<Encode> pid = GenServer.start(name, new OutOfMemory());

        assertThatThrownBy(() -> GenServer.call(pid, new Encode(), GENEROUS))
                .isInstanceOf(ProcessExitException.class);

        assertThat(GenServer.whereis(name)).isEmpty();
    }

    @Test
    void aCastOfARequestThatIsAlsoACallIsRefusedInTheSender() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.cast(probe, new Both()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Both[] is a call (it implements Call):"
                        + " send it with GenServer.call, not cast");
    }

    @Test
    void aRefusedCastNeverReachesTheServersHandleCast() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.cast(probe, new Both()));

        assertThat(GenServer.call(probe, new Recorded(), GENEROUS)).isEmpty();
    }

    @Test
    void aCallOfARequestThatIsAlsoACastIsRefusedInTheCaller() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.call(probe, new Both(), GENEROUS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Both[] is a cast (it implements Cast)");
    }
}
