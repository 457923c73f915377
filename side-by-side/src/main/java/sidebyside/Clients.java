package sidebyside;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

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

    /**
     * Runs {@code client} 1 to {@code clients} all at once, each in a client of its own (see
     * {@link #inClients}); returns {@code n} (the gets they make together) per second.
     */
    public static double perSecond(String name, int n, int clients, IntConsumer client)
            throws InterruptedException {
        List<Runnable> calls = new ArrayList<>(clients);
        for (int c = 1; c <= clients; c++) {
            int each = c;
            calls.add(() -> client.accept(each));
        }
        long start = System.nanoTime();
        inClients(name, calls);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Client {@code client} of {@code clients}: for names {@code client}, {@code client + clients},
     * ... up to {@code n}, it {@code send}s a request each and keeps {@code most} out, receiving
     * the oldest answer first once that many are; then receives the rest.
     */
    public static <T> void keepInFlight(int client, int n, int clients, int most,
            IntFunction<T> send, Consumer<T> receive) {
        var inFlight = new ArrayDeque<T>(most);
        for (int i = client; i <= n; i += clients) {
            if (inFlight.size() == most) {
                receive.accept(inFlight.poll());
            }
            inFlight.add(send.apply(i));
        }
        while (!inFlight.isEmpty()) {
            receive.accept(inFlight.poll());
        }
    }
}
