package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import genserver.Probe.AwaitThenEcho;
import genserver.Probe.CrashInCall;
import genserver.Probe.Echo;
import genserver.Probe.Msg;
import genserver.Probe.Record;
import genserver.Probe.Recorded;
import genserver.Probe.ReplyLaterAndSay;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** OTP's {@code send_request} and {@code receive_response}: calls in flight, answers received later. */
class SendRequestTest {

    @Test
    void manyRequestsInFlightAreEachAnsweredWithTheirOwnReply() {
        Pid<Msg> probe = GenServer.start(new Probe());
        List<RequestId<Integer>> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(GenServer.sendRequest(probe, new Echo<>(i)));
        }

        for (int i = 99; i >= 0; i--) { // received in any order
            assertThat(GenServer.receiveResponse(ids.get(i))).isEqualTo(i);
        }
    }

    @Test
    void aRequestReturnsAtOnceWhileItsServerIsBusy() throws InterruptedException {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        RequestId<Integer> busy = GenServer.sendRequest(probe, new AwaitThenEcho<>(gate, 0));
        await().until(() -> GenServer.messageQueueLength(probe) == 0); // it is handling it

        // A send that waited for its answer would wait here for the call's 5 s, three times.
        List<RequestId<Integer>> queued = assertTimeout(Duration.ofSeconds(4),
                () -> List.of(GenServer.sendRequest(probe, new Echo<>(1)),
                        GenServer.sendRequest(probe, new Echo<>(2)),
                        GenServer.sendRequest(probe, new Echo<>(3))));

        assertThat(GenServer.messageQueueLength(probe)).isEqualTo(3); // sent, none answered
        gate.countDown();
        assertThat(GenServer.receiveResponse(busy)).isZero();
        assertThat(queued).extracting(GenServer::receiveResponse).containsExactly(1, 2, 3);
    }

    @Test
    void aRequestTakesItsPlaceInTheMailboxInTheOrderSent() {
        Pid<Msg> probe = GenServer.start(new Probe());

        GenServer.cast(probe, new Record(1));
        RequestId<List<Object>> recorded = GenServer.sendRequest(probe, new Recorded());
        GenServer.cast(probe, new Record(2));

        assertThat(GenServer.receiveResponse(recorded)).containsExactly(1);
        assertThat(GenServer.call(probe, new Recorded())).containsExactly(1, 2);
    }

    @Test
    void askedAgainItReturnsTheSameAnswer() {
        Pid<Msg> probe = GenServer.start(new Probe());
        RequestId<String> id = GenServer.sendRequest(probe, new Echo<>("pong"));

        assertThat(GenServer.receiveResponse(id)).isEqualTo("pong");
        assertThat(GenServer.receiveResponse(id)).isEqualTo("pong");
    }

    @Test
    void aRequestToAProcessThatHasEndedFailsWhenItsAnswerIsReceived() {
        Pid<Msg> probe = GenServer.start(new Probe());
        GenServer.stop(probe);

        RequestId<String> id = GenServer.sendRequest(probe, new Echo<>("pong")); // does not throw

        assertThatThrownBy(() -> GenServer.receiveResponse(id))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining(probe.toString());
    }

    @Test
    void aServerThatCrashesOnTheRequestFailsIt() {
        Pid<Msg> probe = GenServer.start(new Probe());

        RequestId<Object> id = GenServer.sendRequest(probe, new CrashInCall("boom"));

        assertThatThrownBy(() -> GenServer.receiveResponse(id))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining("boom");
        assertThat(GenServer.isAlive(probe)).isFalse();
    }

    @Test
    void noAnswerInTimeIsACallTimeoutAndTheLateAnswerIsDropped() throws InterruptedException {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        var replied = new CountDownLatch(1);
        RequestId<String> id = GenServer.sendRequest(probe,
                new ReplyLaterAndSay<>(gate, "late", replied));

        assertThatThrownBy(() -> GenServer.receiveResponse(id, Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("timed out after 50 ms");
        gate.countDown();
        replied.await(); // the late answer has been given

        // Abandoned, as OTP's receive_response abandons it: at once, saying when it gave up.
        assertThatThrownBy(() -> GenServer.receiveResponse(id, Duration.ofMinutes(1)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("timed out after 50 ms");
        assertThat(GenServer.call(probe, new Echo<>("next"))).isEqualTo("next");
    }

    @Test
    void aProcessCannotSendARequestToItself() {
        Pid<Msg> probe = GenServer.start(new Probe());
        GenServer.cast(probe, new Record(probe)); // CallSelf finds its own pid first in its state

        assertThatThrownBy(() -> GenServer.call(probe, new Probe.SendRequestToSelf()))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining("sends a request to itself");
    }

    @Test
    void onlyTheProcessThatSentARequestReceivesItsAnswer() throws InterruptedException {
        Pid<Msg> probe = GenServer.start(new Probe());
        RequestId<String> id = GenServer.sendRequest(probe, new Echo<>("mine"));
        var thrown = new AtomicReference<Throwable>();

        Thread other = Thread.ofVirtual().start(() -> {
            try {
                GenServer.receiveResponse(id);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.join();

        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the process that sent");
        assertThat(GenServer.receiveResponse(id)).isEqualTo("mine");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aCastSentAsARequestIsRefusedBeforeAnythingIsSent() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.sendRequest((Pid) probe, (Call) new Probe.Both()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a cast");
        assertThat(GenServer.messageQueueLength(probe)).isZero();
        assertThat(GenServer.call(probe, new Recorded())).isEmpty();
    }

    /**
     * An interrupt does not end the wait for an answer (the BEAM has none), nor turn it into a busy
     * loop: the caller, a platform thread here so that its CPU time can be read, waits parked and
     * finds its interrupt set again once answered. A call waits the same way.
     */
    @Test
    void anInterruptedReceiverWaitsParkedAndKeepsItsInterrupt() throws InterruptedException {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        var outcome = new AtomicReference<Object>();
        var threads = ManagementFactory.getThreadMXBean();
        Thread receiver = Thread.ofPlatform().start(() -> {
            RequestId<String> id = GenServer.sendRequest(probe, new AwaitThenEcho<>(gate, "late"));
            Thread.currentThread().interrupt();
            String answer = GenServer.receiveResponse(id, GenServer.INFINITY);
            outcome.set(answer + ", interrupted " + Thread.currentThread().isInterrupted());
        });
        long cpuBefore = threads.getThreadCpuTime(receiver.threadId());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(receiver::isAlive); // a busy loop would burn this second
        long cpuMillis = (threads.getThreadCpuTime(receiver.threadId()) - cpuBefore) / 1_000_000;
        gate.countDown();
        receiver.join();

        assertThat(cpuMillis).as("CPU ms spent waiting").isLessThan(100);
        assertThat(outcome.get()).isEqualTo("late, interrupted true");
    }

    @Test
    void aNullRequestIsRefusedInTheSenderAndTheServerGoesOn() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.sendRequest(probe, (Echo<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> GenServer.call(probe, (Echo<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> GenServer.cast(probe, (Record) null))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThat(GenServer.call(probe, new Echo<>("alive"))).isEqualTo("alive");
    }

    @Test
    void aNegativeTimeoutIsRefusedAndTheAnswerStillComes() {
        Pid<Msg> probe = GenServer.start(new Probe());
        RequestId<String> id = GenServer.sendRequest(probe, new Echo<>("pong"));

        assertThatThrownBy(() -> GenServer.receiveResponse(id, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GenServer.receiveResponse(id)).isEqualTo("pong");
    }
}
