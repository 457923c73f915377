package sidebyside;

import java.util.ArrayList;
import java.util.List;

/**
 * The clients of a measurement, each a virtual thread as the load test's: started together and
 * waited for. A client that stops early (a call that timed out, a server that crashed) stops the
 * measurement with {@link ClientStopped}, so that no program prints figures for work that was not
 * done. The Pekko twin's blocking clients are these too.
 */
public final class Clients {
    private Clients() {}

    /** A client's calls stopped before the figures were taken: none is printed. */
    public static final class ClientStopped extends RuntimeException {
        ClientStopped(Throwable cause) {
            super("the client stopped before its figures were taken: " + cause, cause);
        }
    }

    /** Runs {@code calls} in one client and waits for it. */
    public static void inClient(String name, Runnable calls) throws InterruptedException {
        inClients(name, List.of(calls));
    }

    /**
     * Runs each of {@code calls} in a client of its own, all at once, and waits for every one; the
     * first client's failure, if any, is thrown once all have ended.
     */
    public static void inClients(String name, List<Runnable> calls) throws InterruptedException {
        Throwable[] stopped = new Throwable[calls.size()]; // each read after its client's join
        List<Thread> clients = new ArrayList<>(calls.size());
        for (int c = 0; c < calls.size(); c++) {
            int client = c;
            clients.add(Thread.ofVirtual().name(name).start(() -> {
                try {
                    calls.get(client).run();
                } catch (Throwable t) {
                    stopped[client] = t;
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        for (Throwable t : stopped) {
            if (t != null) {
                throw new ClientStopped(t);
            }
        }
    }
}
