package genserver;

import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A {@link BlockingIo} operation did not end in time. It may still be blocked in the kernel;
 * its resource is closed as soon as that can be done, and its result, if it ever comes, is
 * dropped.
 */
public final class IoTimeoutException extends InterruptedIOException {
    IoTimeoutException(String what, Duration limit) {
        super(what + " did not answer within " + seconds(limit) + " s");
    }

    /** 10 s as "10", 200 ms as "0.2". */
    static String seconds(Duration limit) {
        return BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
