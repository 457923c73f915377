package exercise.pooling;

import todo.persistence.Database;
import todo.persistence.Storage;

/** The same tests against the reference solution, step 7.3.4's design 4: they must pass. */
class PoolingReferenceTest extends PoolingContract {
    @Override
    Database start(Storage storage) {
        return todo.pooling.PooledDatabase.start(storage, 3);
    }

    @Override
    Object workerFor(Database database, String key) {
        return ((todo.pooling.PooledDatabase) database).chooseWorker(key);
    }
}
