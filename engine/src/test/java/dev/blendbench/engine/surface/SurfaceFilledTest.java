package dev.blendbench.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Surface#filled}: a new surface of one colour. */
class SurfaceFilledTest {
    @Test
    void aFilledSurface_holdsItsColourInEveryPixel_andRefusesTheSizesAllocateRefuses() {
        Surface s = Surface.filled(7, 3, 0x80402010);
        assertEquals(21, s.toArray().length);
        assertEquals(0, Arrays.stream(s.toArray()).filter(p -> p != 0x80402010).count());
        assertThrows(IllegalArgumentException.class, () -> Surface.filled(0, 3, 0));
    }
}
