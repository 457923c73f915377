package todo.pooling;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility polls every 5 ms from the start, instead of first waiting 100 ms: a test that awaits
 * a few writes takes as long as the writes, not a tenth of a second per {@code await}.
 */
final class QuickPolling implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Awaitility.reset();
    }
}
