package todo.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines a class logs (through System.Logger, which goes to java.util.logging) while a test runs. */
final class LogRecords extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
        this.logger = logger;
    }

    static LogRecords of(Class<?> source) {
        var records = new LogRecords(Logger.getLogger(source.getName()));
        records.logger.addHandler(records);
        return records;
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
