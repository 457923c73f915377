package exercise.oneoff;

import todo.persistence.Database;
import todo.persistence.Storage;

/** The same tests against the reference solution, step 7.3.4's design 3: they must pass. */
class OneOffWorkersReferenceTest extends OneOffWorkersContract {
    @Override
    Database start(Storage storage) {
        return todo.pooling.OneOffWorkerDatabase.start(storage);
    }
}
