package exercise.pooling;

import todo.persistence.Database;
import todo.persistence.Storage;

/** The exercise's tests against your code. */
class PoolingTest extends PoolingContract {
    @Override
    Database start(Storage storage) {
        return PooledDatabase.start(storage, 3);
    }

    @Override
    Object workerFor(Database database, String key) {
        return ((PooledDatabase) database).chooseWorker(key);
    }
}
