package dev.blendbench.engine.resample;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Rows {@code [0, height)} in bands of {@code band} rows, shared among up to {@code parallelism}
 * tasks: the caller runs one, an injected executor the others, and each takes the next band until
 * none is left. Each task has its own scratch, made once. What a band computes must depend on the
 * band alone, so the result is the same for any parallelism.
 */
public final class Bands {
    private Bands() {}

    /** One band's work: rows {@code [y0, y1)}, with the running task's scratch. */
    @FunctionalInterface
    public interface Work<S> {
        void rows(int y0, int y1, S scratch);
    }

    /**
     * Runs {@code work} over every band and returns when all are done; a helper's failure is
     * thrown here (as a {@link java.util.concurrent.CompletionException}).
     *
     * @throws IllegalArgumentException for a band or parallelism below 1
     */
    public static <S> void run(int height, int band, Executor executor, int parallelism, Supplier<S> scratch, Work<S> work) {
        Objects.requireNonNull(executor, "executor");
        if (band < 1) throw new IllegalArgumentException("band must be at least 1 row, got " + band);
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        int bands = (height + band - 1) / band;
        AtomicInteger next = new AtomicInteger();
        Runnable task = () -> {
            S s = scratch.get();
            for (int b; (b = next.getAndIncrement()) < bands; ) {
                int y0 = b * band;
                work.rows(y0, Math.min(height, y0 + band), s);
            }
        };
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, bands) - 1; i++) running.add(CompletableFuture.runAsync(task, executor));
        task.run();
        for (var f : running) f.join();
    }
}
