package exercise.oneoff;

import todo.persistence.Database;
import todo.persistence.Storage;

/** The exercise's tests against your code. */
class OneOffWorkersTest extends OneOffWorkersContract {
    @Override
    Database start(Storage storage) {
        return OneOffWorkerDatabase.start(storage);
    }
}
