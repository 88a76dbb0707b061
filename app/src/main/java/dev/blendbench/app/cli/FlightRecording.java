package dev.blendbench.app.cli;

import dev.blendbench.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * {@code --jfr}: a Java Flight Recorder recording (the JDK's {@code profile} settings, which also
 * turn on Blendbench's own job, phase and race events) from {@link #start} until {@link #save},
 * written atomically; or nothing at all when no file was asked for.
 */
final class FlightRecording implements AutoCloseable {
    private final jdk.jfr.Recording recording;
    private final Path out;

    private FlightRecording(jdk.jfr.Recording recording, Path out) {
        this.recording = recording;
        this.out = out;
    }

    /** Starts recording for {@code out}; for null, a recording that records nothing. */
    static FlightRecording start(Path out, String name) throws IOException {
        if (out == null) return new FlightRecording(null, null);
        jdk.jfr.Recording r;
        try {
            r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        } catch (ParseException e) {
            throw new IOException("the JDK's JFR 'profile' settings did not read: " + e.getMessage(), e);
        }
        r.setName(name);
        r.start();
        return new FlightRecording(r, out);
    }

    /** Stops, and writes what was recorded to the file (atomically). */
    void save() throws IOException {
        if (recording == null) return;
        recording.stop();
        AtomicFiles.write(out, o -> {
            try (var in = recording.getStream(null, null)) {
                in.transferTo(o);
            }
        });
    }

    /** Drops the recording (after {@link #save}, or instead of it: nothing worth a file was measured). */
    @Override
    public void close() {
        if (recording != null) recording.close();
    }
}
