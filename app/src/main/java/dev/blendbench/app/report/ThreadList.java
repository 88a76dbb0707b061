package dev.blendbench.app.report;

import java.util.ArrayList;
import java.util.List;

/** Lists of thread names, written short. */
public final class ThreadList {
    private ThreadList() {}

    /**
     * {@code names} (in the order given; natural order reads best) with runs of numbered names
     * sharing a stem written as ranges: {@code [worker-0, worker-1, worker-2, worker-3, worker-5, main]}
     * becomes {@code "worker-0–3, 5, main"}. A stem is the name less its trailing digits; a name
     * without a number, or with a leading zero in it, stands as it is.
     */
    public static String compact(List<String> names) {
        List<String> parts = new ArrayList<>();
        String stem = null; // the stem of the group being written, if any
        StringBuilder group = null; // that group so far, less its open run
        long runStart = 0, runEnd = 0;
        for (String name : names) {
            int d = name.length();
            while (d > 0 && Character.isDigit(name.charAt(d - 1))) d--;
            String digits = name.substring(d), st = name.substring(0, d);
            boolean numbered = !digits.isEmpty() && digits.length() <= 18 && (digits.length() == 1 || digits.charAt(0) != '0');
            if (numbered && st.equals(stem)) {
                long n = Long.parseLong(digits);
                if (n == runEnd + 1) {
                    runEnd = n;
                } else {
                    group.append(run(runStart, runEnd)).append(", ");
                    runStart = runEnd = n;
                }
                continue;
            }
            if (stem != null) parts.add(group.append(run(runStart, runEnd)).toString());
            stem = null;
            if (numbered) {
                stem = st;
                group = new StringBuilder(st);
                runStart = runEnd = Long.parseLong(digits);
            } else {
                parts.add(name);
            }
        }
        if (stem != null) parts.add(group.append(run(runStart, runEnd)).toString());
        return String.join(", ", parts);
    }

    /**
     * The threads of a race finding after its count: "between worker-0 and worker-1", "within main"
     * (a thread racing with itself cannot happen, but a file may say so), or "among 4 threads
     * (worker-0–3)"; {@code more}: there were others beyond {@code names} ("among 64+ threads (…
     * and more)").
     */
    public static String phrase(List<String> names, boolean more) {
        if (!more && names.size() == 2) return "between " + names.get(0) + " and " + names.get(1);
        if (!more && names.size() == 1) return "within " + names.get(0);
        return "among " + names.size() + (more ? "+" : "") + " threads (" + compact(names) + (more ? " and more" : "") + ")";
    }

    private static String run(long a, long b) {
        return a == b ? Long.toString(a) : a + "–" + b;
    }
}
