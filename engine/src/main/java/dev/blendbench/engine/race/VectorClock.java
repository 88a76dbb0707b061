package dev.blendbench.engine.race;

import java.util.Arrays;

/** A mutable vector clock indexed by the detector's thread slots. Not thread-safe. */
final class VectorClock {
    private int[] c;

    VectorClock() {
        c = new int[8];
    }

    private VectorClock(int[] c) {
        this.c = c;
    }

    int get(int slot) {
        return slot < c.length ? c[slot] : 0;
    }

    void set(int slot, int value) {
        if (slot >= c.length) c = Arrays.copyOf(c, Math.max(slot + 1, c.length * 2));
        c[slot] = value;
    }

    void tick(int slot) {
        set(slot, get(slot) + 1);
    }

    /** this := this ⊔ other */
    void join(VectorClock other) {
        if (other.c.length > c.length) c = Arrays.copyOf(c, other.c.length);
        for (int i = 0; i < other.c.length; i++) {
            if (other.c[i] > c[i]) c[i] = other.c[i];
        }
    }

    VectorClock copy() {
        return new VectorClock(c.clone());
    }

    /** this ≤ other, component-wise. */
    boolean leq(VectorClock other) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] > other.get(i)) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return Arrays.toString(c);
    }
}
