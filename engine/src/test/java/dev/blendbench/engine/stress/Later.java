package dev.blendbench.engine.stress;

/** Test helper: runs an action on its own thread after a pause, as a user's Stop or Ctrl-C would come. */
final class Later {
    private Later() {}

    /** Starts a thread that sleeps {@code millis} and then runs {@code action} (not if interrupted first); join it after. */
    static Thread run(long millis, Runnable action) {
        return Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            action.run();
        });
    }
}
