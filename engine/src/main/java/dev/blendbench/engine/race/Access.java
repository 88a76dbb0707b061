package dev.blendbench.engine.race;

import dev.blendbench.engine.surface.Rect;
import java.util.List;

/**
 * One side of a race: who touched which pixels, how, holding which locks, from where.
 *
 * @param threadName  the thread's name at the time
 * @param threadId    its id
 * @param write       a write (else a read)
 * @param rect        the rectangle, in the surface's own coordinates
 * @param locks       names of the locks the thread held
 * @param site        the top frames of the stack when the access happened
 */
public record Access(String threadName, long threadId, boolean write, Rect rect, List<String> locks, List<StackTraceElement> site) {
    public Access {
        locks = List.copyOf(locks);
        site = List.copyOf(site);
    }

    /** The first frame outside the detector and the engine's reporting code: the code site. */
    public String siteKey() {
        return site.isEmpty() ? "?" : site.get(0).toString();
    }
}
