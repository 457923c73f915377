package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import genserver.Probe.Echo;
import genserver.Probe.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A process that has just answered spins for its next message before it parks, when a carrier is
 * spare (see the notes in {@code Process}). These tests pin what that must never change: a process
 * that stopped spinning still wakes for the next message, and no answer goes to the wrong caller
 * or is lost, from one caller or from many.
 */
class SpinBeforeParkTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aProcessThatStoppedSpinningWakesForTheNextCall() throws Exception {
        Pid<Msg> probe = GenServer.start(new Probe());
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
    void oneCallerAtATimeGetsEachAnswerInTurn() {
        Pid<Msg> probe = GenServer.start(new Probe());
        List<Integer> answers = new ArrayList<>();

        assertTimeoutPreemptively(LIMIT, () -> Thread.ofVirtual().start(() -> {
            // Far more calls than the spins a process makes in a row before it yields once.
            for (int i = 0; i < 5_000; i++) {
                answers.add(GenServer.call(probe, new Echo<>(i)));
            }
        }).join());

        assertThat(answers).hasSize(5_000).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void manyCallersAtOnceEachGetTheirOwnAnswers() {
        Pid<Msg> probe = GenServer.start(new Probe());
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
