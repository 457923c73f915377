package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import genserver.Probe.Echo;
import genserver.Probe.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A process that has just answered its one caller spins for its next message before it parks,
 * while a carrier is spare (see the notes in {@code Process}). These tests pin that it does spin
 * (on two carriers), that it gives back its place among the spinners, that a process that stopped
 * spinning still wakes for the next message, and that no answer is lost or goes to the wrong
 * caller, from one caller or from many.
 */
class SpinBeforeParkTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final List<Pid<Msg>> started = new ArrayList<>();

    private Pid<Msg> startProbe() {
        Pid<Msg> probe = GenServer.start(new Probe());
        started.add(probe);
        return probe;
    }

    /** Every process a test started ends, and none keeps a place among the spinners. */
    @AfterEach
    void stopTheProbesAndSeeEverySpinnersPlaceGivenBack() {
        started.forEach(probe -> GenServer.stop(probe));
        await().atMost(Duration.ofSeconds(10)).until(() -> Process.SPINNERS.get() == 0);
    }

    private static void assumeTwoCarriers() {
        assumeTrue(From.carriers() > 1, "on one carrier no process spins");
    }

    @Test
    void aProcessWithOneCallerSpinsForItsNextMessage() {
        assumeTwoCarriers();
        Pid<Msg> probe = startProbe();
        var stop = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                GenServer.call(probe, new Echo<>(i));
            }
        });
        try {
            // Between an answer and the next call the process waits in its spin, not parked.
            await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(20))
                    .until(probe.process::spinsForMail);
        } finally {
            stop.set(true);
        }
        assertTimeoutPreemptively(LIMIT, () -> caller.join());
    }

    @Test
    void aProcessThatStoppedSpinningWakesForTheNextCall() {
        assumeTwoCarriers();
        Pid<Msg> probe = startProbe();
        Thread process = probe.process.thread;
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int round = 0; round < 3; round++) {
                int sent = round;
                int[] answer = new int[1];
                // From a virtual thread, the caller that spins for its answer on two carriers.
                Thread.ofVirtual().start(() -> answer[0] = GenServer.call(probe, new Echo<>(sent)))
                        .join();
                assertThat(answer[0]).isEqualTo(sent);
                // Its spin ran out: it parked, and the next send must be the one that wakes it.
                await().until(() -> process.getState() == Thread.State.WAITING);
            }
        });
    }

    @Test
    void twoProcessesWithOneCallerEachBothAnswerEveryCall() {
        // On two carriers only one of them may spin at a time: the other yields and parks.
        Pid<Msg> first = startProbe();
        Pid<Msg> second = startProbe();
        List<Integer> fromFirst = new ArrayList<>();
        List<Integer> fromSecond = new ArrayList<>();

        assertTimeoutPreemptively(LIMIT, () -> {
            Thread a = Thread.ofVirtual().start(() -> IntStream.range(0, 2_000)
                    .forEach(i -> fromFirst.add(GenServer.call(first, new Echo<>(i)))));
            Thread b = Thread.ofVirtual().start(() -> IntStream.range(0, 2_000)
                    .forEach(i -> fromSecond.add(GenServer.call(second, new Echo<>(-i)))));
            a.join();
            b.join();
        });

        assertThat(fromFirst).containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
        assertThat(fromSecond)
                .containsExactlyElementsOf(IntStream.range(0, 2_000).map(i -> -i).boxed().toList());
    }

    @Test
    void oneCallerAtATimeGetsEachAnswerInTurn() {
        Pid<Msg> probe = startProbe();
        List<Integer> answers = new ArrayList<>();

        assertTimeoutPreemptively(LIMIT, () -> Thread.ofVirtual().start(() -> {
            // Far more calls than the spins a process makes in a row before it yields once.
            for (int i = 0; i < 5_000; i++) {
                answers.add(GenServer.call(probe, new Echo<>(i)));
            }
        }).join());

        assertThat(answers).containsExactlyElementsOf(IntStream.range(0, 5_000).boxed().toList());
    }

    @Test
    void manyCallersAtOnceEachGetTheirOwnAnswers() {
        Pid<Msg> probe = startProbe();
        var wrong = new AtomicInteger();
        var answered = new AtomicInteger();

        assertTimeoutPreemptively(LIMIT, () -> {
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                String caller = "caller " + c;
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 500; i++) {
                        String request = caller + " call " + i;
                        if (!GenServer.call(probe, new Echo<>(request)).equals(request)) {
                            wrong.incrementAndGet();
                        }
                        answered.incrementAndGet();
                    }
                }));
            }
            for (Thread t : callers) {
                t.join();
            }
        });

        assertThat(wrong).hasValue(0);
        assertThat(answered).hasValue(64 * 500);
        assertThat(GenServer.messageQueueLength(probe)).isZero();
    }
}
