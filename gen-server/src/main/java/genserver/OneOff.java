package genserver;

/**
 * A spawned one-off body (OTP's {@code spawn(fn -> ... end)}) as a tiny server: {@code init}
 * returns at once and hands the body to {@code handleContinue}, which runs it and ends the process
 * normally. An exception in the body ends only this process, logged like any crash. So a spawned
 * process is an ordinary {@link Process}, and the runtime has one kind of process.
 */
record OneOff(Runnable body) implements GenServer<Void, Void> {

    @Override
    public Result<Void> init() {
        return Result.continueWith(null, body);
    }

    @Override
    public Result<Void> handleContinue(Object continueArg, Void state) {
        body.run();
        return Result.stop("normal", null);
    }
}
