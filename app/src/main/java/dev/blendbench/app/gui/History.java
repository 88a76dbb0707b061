package dev.blendbench.app.gui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo over immutable {@link Doc} states, each with what the user did ("Move layer",
 * "Opacity"). Bounded: the oldest states are dropped past {@link #LIMIT}. Not thread-safe (FX
 * thread only).
 */
public final class History {
    public static final int LIMIT = 200;

    /** A state and the edit that left it. */
    public record Entry(String what, Doc before) {}

    private final Deque<Entry> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();

    /** Records that {@code what} replaced {@code before}; clears the redo list. */
    public void push(String what, Doc before) {
        undo.push(new Entry(what, before));
        if (undo.size() > LIMIT) undo.removeLast();
        redo.clear();
    }

    /** The state before the last edit, given the current one (which goes to redo). */
    public Optional<Doc> undo(Doc current) {
        Entry e = undo.poll();
        if (e == null) return Optional.empty();
        redo.push(new Entry(e.what(), current));
        return Optional.of(e.before());
    }

    public Optional<Doc> redo(Doc current) {
        Entry e = redo.poll();
        if (e == null) return Optional.empty();
        undo.push(new Entry(e.what(), current));
        return Optional.of(e.before());
    }

    public Optional<String> nextUndo() { return Optional.ofNullable(undo.peek()).map(Entry::what); }

    public Optional<String> nextRedo() { return Optional.ofNullable(redo.peek()).map(Entry::what); }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
