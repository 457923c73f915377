package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import genserver.Probe.AwaitThenEcho;
import genserver.Probe.CallSelf;
import genserver.Probe.Crash;
import genserver.Probe.CrashInCall;
import genserver.Probe.Echo;
import genserver.Probe.Msg;
import genserver.Probe.Record;
import genserver.Probe.Recorded;
import genserver.Probe.ReplyLater;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class GenServerTest {

    @Test
    void callAnswersWithTheServersReply() {
        Pid<Msg> probe = GenServer.start(new Probe());

        String answer = GenServer.call(probe, new Echo<>("pong"));

        assertThat(answer).isEqualTo("pong");
    }

    @Test
    void messagesFromOneSenderArriveInTheOrderSent() {
        Pid<Msg> probe = GenServer.start(new Probe());

        IntStream.range(0, 10_000).forEach(i -> GenServer.cast(probe, new Record(i)));
        List<Object> recorded = GenServer.call(probe, new Recorded());

        assertThat(recorded).containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
    }

    /**
     * Crashes {@code doomed} with a call waiting behind the crash (one minute's limit) and returns
     * what that call threw.
     */
    private static List<Throwable> crashWithACallerWaiting(Pid<Msg> doomed) throws Exception {
        var gate = new CountDownLatch(1);
        // Hold the server busy, queue the crash, and queue a caller behind it.
        Thread blocked = Thread.ofVirtual()
                .start(() -> GenServer.call(doomed, new AwaitThenEcho<>(gate, "x")));
        await().until(() -> GenServer.messageQueueLength(doomed) == 0 && gate.getCount() == 1
                && waitsForAnAnswer(blocked));
        GenServer.cast(doomed, new Crash("boom"));
        var pending = Collections.synchronizedList(new ArrayList<Throwable>());
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                GenServer.call(doomed, new Echo<>("never"), Duration.ofMinutes(1));
            } catch (RuntimeException e) {
                pending.add(e);
            }
        });
        await().until(() -> GenServer.messageQueueLength(doomed) == 2);
        gate.countDown();
        blocked.join();
        waiting.join();
        return pending;
    }

    @Test
    void aCallbackExceptionFailsThePendingCallersAtOnce() throws Exception {
        Pid<Msg> doomed = GenServer.start(new Probe());

        var pending = crashWithACallerWaiting(doomed);

        // The pending caller was failed by the crash, naming the process and its cause: not by
        // its one-minute timeout, which would have thrown a CallTimeoutException.
        assertThat(pending).singleElement(InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining(doomed.toString())
                .hasMessageContaining("boom");
    }

    @Test
    void aCallbackExceptionEndsOnlyThatProcess() throws Exception {
        Pid<Msg> doomed = GenServer.start(new Probe());
        Pid<Msg> bystander = GenServer.start(new Probe());

        crashWithACallerWaiting(doomed);

        assertThatThrownBy(() -> GenServer.call(doomed, new Echo<>("later")))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining(doomed.toString())
                .hasMessageContaining("IllegalStateException: boom")
                .hasRootCauseMessage("boom");
        assertThat(GenServer.isAlive(doomed)).isFalse();
        assertThat((String) GenServer.call(bystander, new Echo<>("still here")))
                .isEqualTo("still here");
    }

    @Test
    void theCrashedCallersOwnCallFailsWithTheCause() {
        Pid<Msg> doomed = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.call(doomed, new CrashInCall("bad request")))
                .isInstanceOf(ProcessExitException.class)
                .hasMessage("Probe " + doomed
                        + " exited: java.lang.IllegalStateException: bad request");
    }

    @Test
    void aCrashIsLoggedWithTheProcessIdAndTheLastMessage() {
        var records = Collections.synchronizedList(new ArrayList<LogRecord>());
        Logger logger = Logger.getLogger("genserver");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            Pid<Msg> doomed = GenServer.start(new Probe());
            GenServer.cast(doomed, new Crash("logged"));

            await().until(() -> !GenServer.isAlive(doomed));
            assertThat(records).anySatisfy(r -> {
                assertThat(r.getMessage()).contains("Probe " + doomed + " terminating")
                        .contains("Last message in: cast Crash[why=logged]");
                assertThat(r.getThrown()).hasMessage("logged");
            });
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aCallThatTimesOutThrows() {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);

        assertThatThrownBy(
                () -> GenServer.call(probe, new AwaitThenEcho<>(gate, "late"),
                        Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("timed out after 50 ms");
        gate.countDown();
    }

    @Test
    void theLateReplyOfATimedOutCallNeverReachesALaterCall() {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        assertThatThrownBy(
                () -> GenServer.call(probe, new AwaitThenEcho<>(gate, "late"),
                        Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class);

        gate.countDown(); // the server now answers "late" to a caller that has gone

        String next = GenServer.call(probe, new Echo<>("mine"));
        assertThat(next).isEqualTo("mine");
        assertThat(GenServer.messageQueueLength(probe)).isZero();
    }

    @Test
    void aDeadlineIsKeptWhateverTheSweepIsDoingWhenTheCallArrives() throws Exception {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1); // never opened while the test waits: every call times out
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                // Two calls at once: the second registers while the sweep watches the first.
                Thread first = Thread.ofVirtual().start(() -> assertTimesOut(probe, gate));
                assertTimesOut(probe, gate);
                first.join();
                // With no call left to watch, the sweep sleeps until a caller wakes it.
                Thread sweep = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("genserver-timeouts")).findFirst()
                        .orElseThrow();
                await().until(() -> sweep.getState() == Thread.State.WAITING);
                assertTimesOut(probe, gate);
            });
        } finally {
            gate.countDown();
        }
    }

    private static void assertTimesOut(Pid<Msg> probe, CountDownLatch gate) {
        assertThatThrownBy(
                () -> GenServer.call(probe, new AwaitThenEcho<>(gate, "late"),
                        Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class);
    }

    @Test
    void aCastToADeadProcessIsSilentlyDropped() {
        Pid<Msg> probe = GenServer.start(new Probe());
        GenServer.stop(probe);

        GenServer.cast(probe, new Record("into the void"));

        assertThat(GenServer.isAlive(probe)).isFalse();
        assertThat(GenServer.messageQueueLength(probe)).isZero();
    }

    @Test
    void stopRunsTerminate() {
        var terminated = Collections.synchronizedList(new ArrayList<Object>());
        Pid<Msg> probe = GenServer.start(new Probe(terminated, null));

        GenServer.stop(probe);

        assertThat(terminated).containsExactly("normal");
    }

    @Test
    void afterAStopCallsFailWithNoProcess() {
        Pid<Msg> probe = GenServer.start(new Probe());

        GenServer.stop(probe);

        assertThatThrownBy(() -> GenServer.call(probe, new Echo<>("anyone?")))
                .isInstanceOf(ProcessExitException.class)
                .hasMessage("no process: Probe " + probe + " is not alive (exit reason: normal)");
        assertThatThrownBy(() -> GenServer.stop(probe)).isInstanceOf(ProcessExitException.class);
    }

    @Test
    void oneHundredThousandProcessesStoppedLeaveNoThreadBehind() {
        int before = GenServer.processCount();
        List<Pid<Msg>> pids = IntStream.range(0, 100_000)
                .mapToObj(i -> GenServer.start(new Probe())).toList();
        // Not before + 100,000: a process an earlier test stopped may end meanwhile
        assertThat(pids).allMatch(GenServer::isAlive);
        assertThat(GenServer.processCount()).isGreaterThanOrEqualTo(100_000);

        pids.forEach(GenServer::stop);

        assertThat(pids).noneMatch(GenServer::isAlive);
        assertThat(pids).noneMatch(pid -> pid.process.thread.isAlive());
        await().until(() -> GenServer.processCount() <= before);
    }

    @Test
    void aPidPrintsLikeTheBeams() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThat(probe.toString()).matches("#PID<0\\.\\d+\\.0>");
    }

    @Test
    void aProcessRunsOnAVirtualThreadNamedAfterItsPid() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThat(probe.process.thread.getName()).isEqualTo("Probe " + probe);
        assertThat(probe.process.thread.isVirtual()).isTrue();
    }

    @Test
    void aRegisteredNameFindsTheProcessWhileItLives() {
        String name = "registered-" + System.nanoTime();
        Pid<Msg> first = GenServer.start(name, new Probe());

        assertThat(GenServer.<Msg>whereis(name)).contains(first);

        GenServer.stop(first);
        assertThat(GenServer.whereis(name)).isEmpty();
        assertThat(GenServer.start(name, new Probe())).isNotSameAs(first);
    }

    @Test
    void aSecondStartUnderATakenNameReportsTheHolder() {
        String name = "registered-" + System.nanoTime();
        Pid<Msg> first = GenServer.start(name, new Probe());

        assertThatThrownBy(() -> GenServer.start(name, new Probe()))
                .isInstanceOfSatisfying(AlreadyStartedException.class,
                        e -> assertThat(e.pid()).isSameAs(first));
        GenServer.stop(first);
    }

    @Test
    void handleCallMayAnswerLaterFromAnotherProcess() throws Exception {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        var answers = Collections.synchronizedList(new ArrayList<Object>());
        Thread slow = Thread.ofVirtual()
                .start(() -> answers.add(GenServer.call(probe, new ReplyLater<>(gate, "slow"))));

        // The server is free while the one-off process holds the slow answer.
        assertThat((String) GenServer.call(probe, new Echo<>("fast"))).isEqualTo("fast");
        assertThat(answers).isEmpty();
        gate.countDown();
        slow.join();

        assertThat(answers).containsExactly("slow");
    }

    @Test
    void aDeferredCallFailsAtOnceWhenTheServerDiesBeforeAnswering() throws Exception {
        Pid<Msg> probe = GenServer.start(new Probe());
        var never = new CountDownLatch(1);
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                GenServer.call(probe, new ReplyLater<>(never, "too late"), Duration.ofMinutes(1));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        await().until(() -> waitsForAnAnswer(caller));

        GenServer.cast(probe, new Crash("gone"));
        caller.join(Duration.ofSeconds(30));

        assertThat(failures).singleElement().isInstanceOf(ProcessExitException.class);
        never.countDown();
    }

    @Test
    void handleContinueRunsOnceStartHasReturnedBeforeAnyMessage() {
        Pid<Msg> probe = GenServer.start(new Probe(new ArrayList<>(), "load"));

        List<Object> recorded = GenServer.call(probe, new Recorded());

        assertThat(recorded).containsExactly("init", "continue load");
    }

    @Test
    void theMailboxLengthCountsWaitingMessages() {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> GenServer.call(probe, new AwaitThenEcho<>(gate, "x")));
        await().until(() -> GenServer.messageQueueLength(probe) == 0 && gate.getCount() == 1);

        IntStream.range(0, 5).forEach(i -> GenServer.cast(probe, new Record(i)));
        assertThat(GenServer.messageQueueLength(probe)).isEqualTo(5);

        gate.countDown();
        await().until(() -> GenServer.messageQueueLength(probe) == 0);
    }

    @Test
    void aSpawnedProcessRunsItsBody() {
        Pid<Msg> probe = GenServer.start(new Probe());

        Pid<Void> worker = GenServer.spawn(() -> GenServer.cast(probe, new Record("from worker")));

        await().until(() -> !GenServer.isAlive(worker));
        assertThat((List<Object>) GenServer.call(probe, new Recorded()))
                .containsExactly("from worker");
    }

    @Test
    void aSpawnedProcesssExceptionHurtsNoOne() {
        Pid<Msg> probe = GenServer.start(new Probe());

        Pid<Void> failing = GenServer.spawn(() -> {
            throw new IllegalStateException("only me");
        });

        await().until(() -> !GenServer.isAlive(failing));
        assertThat((List<Object>) GenServer.call(probe, new Recorded())).isEmpty();
    }

    @Test
    void aProcessThatCallsItselfIsToldSoInsteadOfWaitingForever() {
        Pid<Msg> probe = GenServer.start(new Probe());
        GenServer.cast(probe, new Record(probe));

        assertThatThrownBy(() -> GenServer.call(probe, new CallSelf()))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining("calls itself");
    }

    /** A caller parks for its answer: without a timer when the shared timeout sweep watches it. */
    static boolean waitsForAnAnswer(Thread caller) {
        return caller.getState() == Thread.State.WAITING
                || caller.getState() == Thread.State.TIMED_WAITING;
    }
}
