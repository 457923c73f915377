package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import genserver.Probe.CrashInCall;
import genserver.Probe.Echo;
import genserver.Probe.Msg;
import genserver.Probe.Record;
import genserver.Probe.Recorded;
import genserver.Probe.ReplyLater;
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
    void noAnswerInTimeIsACallTimeoutAndTheLateAnswerIsDropped() {
        Pid<Msg> probe = GenServer.start(new Probe());
        var gate = new CountDownLatch(1);
        RequestId<String> id = GenServer.sendRequest(probe, new ReplyLater<>(gate, "late"));

        assertThatThrownBy(() -> GenServer.receiveResponse(id, Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class);
        gate.countDown();
        GenServer.call(probe, new Recorded()); // the server has handled the request by now

        assertThatThrownBy(() -> GenServer.receiveResponse(id, Duration.ofSeconds(1)))
                .isInstanceOf(CallTimeoutException.class);
        assertThat(GenServer.call(probe, new Echo<>("next"))).isEqualTo("next");
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

    @Test
    void aNegativeTimeoutIsRefusedAndTheAnswerStillComes() {
        Pid<Msg> probe = GenServer.start(new Probe());
        RequestId<String> id = GenServer.sendRequest(probe, new Echo<>("pong"));

        assertThatThrownBy(() -> GenServer.receiveResponse(id, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GenServer.receiveResponse(id)).isEqualTo("pong");
    }
}
