package dev.blendbench.app.gui;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Undo and redo over immutable {@link Doc} states, each with what the user did ("Move layer",
 * "Opacity"). Bounded twice: the oldest states are dropped past {@link #LIMIT} steps, and past
 * the memory budget: the pixels that past states hold and the current one does not (a group
 * composited again at each edit of its layers leaves its old pixels to the step before) may
 * take at most {@code budgetBytes}, the newest step always kept. Not thread-safe (FX thread only).
 */
public final class History {
    public static final int LIMIT = 200;

    private final long budgetBytes;

    /** A history whose past states may hold pixels of a quarter of the heap the JVM may use. */
    public History() {
        this(Runtime.getRuntime().maxMemory() / 4);
    }

    /** A history whose past states may hold {@code budgetBytes} of pixels the current state does not. */
    public History(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A state and the edit that left it. */
    public record Entry(String what, Doc before) {}

    private final Deque<Entry> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();
    /** Whether steps were dropped since the last {@link #clear}: the oldest state held is then not where the document started. */
    private boolean dropped;
    /** Bumped whenever the steps held change, so that a view of them redraws only then. */
    private int version;

    /**
     * Records that {@code what} replaced {@code before} with {@code current}; clears the redo
     * list, and drops the oldest steps past the limits.
     */
    public void push(String what, Doc before, Doc current) {
        undo.push(new Entry(what, before));
        if (undo.size() > LIMIT) {
            undo.removeLast();
            dropped = true;
        }
        redo.clear();
        trim(current);
        version++;
    }

    /** Drops the oldest undo steps whose pixels, with those of every newer step, pass the budget. */
    private void trim(Doc current) {
        Set<int[]> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        pixels(current.layers(), counted);
        long held = 0;
        int keep = 0;
        for (Entry e : undo) {
            held += pixels(e.before().layers(), counted);
            if (held > budgetBytes && keep > 0) break;
            keep++;
        }
        while (undo.size() > keep) {
            undo.removeLast();
            dropped = true;
        }
    }

    /** The bytes of the pixel arrays {@code ls} hold that are not in {@code counted} yet; adds them to it. */
    private static long pixels(List<LayerItem> ls, Set<int[]> counted) {
        long bytes = 0;
        for (LayerItem l : ls) {
            if (counted.add(l.source().array())) bytes += 4L * l.source().array().length;
            bytes += pixels(l.children(), counted);
        }
        return bytes;
    }

    /** The undo steps held. */
    public int size() { return undo.size(); }

    /** The state before the last edit, given the current one (which goes to redo). */
    public Optional<Doc> undo(Doc current) {
        Entry e = undo.poll();
        if (e == null) return Optional.empty();
        redo.push(new Entry(e.what(), current));
        version++;
        return Optional.of(e.before());
    }

    public Optional<Doc> redo(Doc current) {
        Entry e = redo.poll();
        if (e == null) return Optional.empty();
        undo.push(new Entry(e.what(), current));
        version++;
        return Optional.of(e.before());
    }

    public Optional<String> nextUndo() { return Optional.ofNullable(undo.peek()).map(Entry::what); }

    public Optional<String> nextRedo() { return Optional.ofNullable(redo.peek()).map(Entry::what); }

    public void clear() {
        undo.clear();
        redo.clear();
        dropped = false;
        version++;
    }

    /** The names of the steps that undo takes back, the oldest first (the last one: the edit that made the current state). */
    public List<String> pastSteps() {
        List<String> out = new java.util.ArrayList<>(undo.size());
        undo.descendingIterator().forEachRemaining(e -> out.add(e.what()));
        return out;
    }

    /** The names of the steps that redo makes again, the next one first. */
    public List<String> futureSteps() {
        return redo.stream().map(Entry::what).toList();
    }

    /** True when steps were dropped (past {@link #LIMIT}, or the memory budget) since the history was last cleared. */
    public boolean droppedOldest() { return dropped; }

    /** Changes whenever the steps held change (an edit, an undo or redo, a clear). */
    public int version() { return version; }
}
