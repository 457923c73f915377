package todo.pooling;

import genserver.Pid;
import todo.persistence.Storage;
import todo.persistence.safety.ForwardingStorage;

/**
 * Any storage, reporting each write's start and end to a {@link WriteMeter}. The designs take the
 * meter's {@link WriteMeter#hooks hooks} instead; this wrapper remains for the exercises' tests.
 */
public final class MeteredStorage extends ForwardingStorage {
    public MeteredStorage(Storage inner, Pid<WriteMeter.Request> meter) {
        super(WriteMeter.hooks(meter).around(inner));
    }
}
