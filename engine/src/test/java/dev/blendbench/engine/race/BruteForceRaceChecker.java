package dev.blendbench.engine.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference: a full vector clock per actor and, per pixel, every access ever made with a copy
 * of its actor's whole clock. An access races if some earlier access to one of its pixels, by
 * another actor, is not ordered before it (its clock is not ≤ the current clock) and one of
 * the two writes. Slow and obviously right.
 */
final class BruteForceRaceChecker {
    private final int width, height;
    private final int actors;
    private final int[][] vc;
    private final Map<Object, int[]> sync = new HashMap<>();
    private final List<List<int[]>> pixels; // per pixel: {slot, write, clock...}

    BruteForceRaceChecker(int width, int height, int actors) {
        this.width = width;
        this.height = height;
        this.actors = actors;
        vc = new int[actors][actors];
        for (int i = 0; i < actors; i++) vc[i][i] = 1;
        pixels = new ArrayList<>(width * height);
        for (int i = 0; i < width * height; i++) pixels.add(new ArrayList<>());
    }

    private static void join(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) into[i] = Math.max(into[i], from[i]);
    }

    void release(int t, Object o) {
        join(sync.computeIfAbsent(o, k -> new int[actors]), vc[t]);
        vc[t][t]++;
    }

    void acquire(int t, Object o) {
        int[] v = sync.get(o);
        if (v != null) join(vc[t], v);
    }

    void fork(int p, int c) {
        join(vc[c], vc[p]);
        vc[p][p]++;
    }

    void joinThread(int p, int c) {
        join(vc[p], vc[c]);
        vc[c][c]++;
    }

    private boolean leq(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) if (a[i] > b[i]) return false;
        return true;
    }

    /** Absolute rectangle {x, y, w, h}. */
    boolean access(int t, int x, int y, int w, int h, boolean write) {
        boolean race = false;
        for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
                List<int[]> list = pixels.get(yy * width + xx);
                for (int[] e : list) {
                    if (e[0] != t && (e[1] == 1 || write) && !leq(Arrays.copyOfRange(e, 2, e.length), vc[t])) {
                        race = true;
                    }
                }
            }
        }
        int[] rec = new int[2 + actors];
        rec[0] = t;
        rec[1] = write ? 1 : 0;
        System.arraycopy(vc[t], 0, rec, 2, actors);
        for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
                pixels.get(yy * width + xx).add(rec);
            }
        }
        return race;
    }
}
