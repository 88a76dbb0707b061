package dev.blendbench.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a session: runs {@code stop} and holds the JVM's shutdown until the
 * session's files are written ({@link #close()}), at most 10 s. Use with try-with-resources
 * around the session and the writing of its results.
 */
final class ShutdownStop implements AutoCloseable {
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;

    ShutdownStop(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                written.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "blendbench-stress-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been released
        }
    }
}
