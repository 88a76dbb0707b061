package dev.blendbench.engine.blend;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every way a layer can be combined with the backdrop below it.
 *
 * <p>Three families:
 * <ul>
 *   <li>{@link Family#PORTER_DUFF}: the 13 operators of the W3C Compositing and Blending spec
 *       (section 9). {@code result = Fa·Cs + Fb·Cb} on premultiplied colour and on alpha.</li>
 *   <li>{@link Family#SEPARABLE}: W3C separable blend modes and Photoshop's extras, each a function
 *       {@code B(Cb, Cs)} of one straight-colour channel, composited with source-over:
 *       {@code co = cs·(1 − αb) + cb·(1 − αs) + αs·αb·B(Cb, Cs)}.</li>
 *   <li>{@link Family#NON_SEPARABLE}: hue, saturation, color, luminosity (W3C section 10.3) and
 *       Photoshop's darker-color and lighter-color, functions of the whole RGB triple, composited
 *       the same way.</li>
 * </ul>
 * The formula used for each mode is written beside it, and implemented in {@code Kernels}.
 *
 * <p><b>Canvas model.</b> Outside a layer's bounds its source is transparent black, as the spec's
 * canvas model says, so the operators whose result for a transparent source is not the backdrop
 * ({@link #clearsOutsideSource()}: clear, copy, source-in, destination-in, source-out,
 * destination-atop) clear the whole canvas outside the layer, not only within its bounds.
 */
public enum BlendMode {
    // ---- Porter-Duff (Fa, Fb) ----
    /** Fa = 0, Fb = 0. */
    CLEAR("clear", Family.PORTER_DUFF),
    /** Fa = 1, Fb = 0. */
    COPY("copy", Family.PORTER_DUFF),
    /** Fa = 0, Fb = 1. */
    DESTINATION("destination", Family.PORTER_DUFF),
    /** Fa = 1, Fb = 1 − αs. */
    SOURCE_OVER("source-over", Family.PORTER_DUFF),
    /** Fa = 1 − αb, Fb = 1. */
    DESTINATION_OVER("destination-over", Family.PORTER_DUFF),
    /** Fa = αb, Fb = 0. */
    SOURCE_IN("source-in", Family.PORTER_DUFF),
    /** Fa = 0, Fb = αs. */
    DESTINATION_IN("destination-in", Family.PORTER_DUFF),
    /** Fa = 1 − αb, Fb = 0. */
    SOURCE_OUT("source-out", Family.PORTER_DUFF),
    /** Fa = 0, Fb = 1 − αs. */
    DESTINATION_OUT("destination-out", Family.PORTER_DUFF),
    /** Fa = αb, Fb = 1 − αs. */
    SOURCE_ATOP("source-atop", Family.PORTER_DUFF),
    /** Fa = 1 − αb, Fb = αs. */
    DESTINATION_ATOP("destination-atop", Family.PORTER_DUFF),
    /** Fa = 1 − αb, Fb = 1 − αs. */
    XOR("xor", Family.PORTER_DUFF),
    /** Fa = 1, Fb = 1, each channel and alpha clamped to 1 (plus-lighter). */
    LIGHTER("lighter", Family.PORTER_DUFF),

    // ---- W3C separable blend modes, B(Cb, Cs) ----
    /** B = Cs (identical to source-over). */
    NORMAL("normal", Family.SEPARABLE),
    /** B = Cb·Cs. */
    MULTIPLY("multiply", Family.SEPARABLE),
    /** B = Cb + Cs − Cb·Cs. */
    SCREEN("screen", Family.SEPARABLE),
    /** B = hard-light(Cs, Cb): the backdrop decides. */
    OVERLAY("overlay", Family.SEPARABLE),
    /** B = min(Cb, Cs). */
    DARKEN("darken", Family.SEPARABLE),
    /** B = max(Cb, Cs). */
    LIGHTEN("lighten", Family.SEPARABLE),
    /** B = 0 if Cb = 0; 1 if Cs = 1; else min(1, Cb / (1 − Cs)). */
    COLOR_DODGE("color-dodge", Family.SEPARABLE),
    /** B = 1 if Cb = 1; 0 if Cs = 0; else 1 − min(1, (1 − Cb) / Cs). */
    COLOR_BURN("color-burn", Family.SEPARABLE),
    /** B = multiply(Cb, 2·Cs) if Cs ≤ 0.5, else screen(Cb, 2·Cs − 1). */
    HARD_LIGHT("hard-light", Family.SEPARABLE),
    /**
     * The W3C formula: if Cs ≤ 0.5, B = Cb − (1 − 2·Cs)·Cb·(1 − Cb); else
     * B = Cb + (2·Cs − 1)·(D(Cb) − Cb) with D(Cb) = ((16·Cb − 12)·Cb + 4)·Cb if Cb ≤ 0.25, else √Cb.
     */
    SOFT_LIGHT("soft-light", Family.SEPARABLE),
    /** B = |Cb − Cs|. */
    DIFFERENCE("difference", Family.SEPARABLE),
    /** B = Cb + Cs − 2·Cb·Cs. */
    EXCLUSION("exclusion", Family.SEPARABLE),

    // ---- W3C non-separable ----
    /** B = SetLum(SetSat(Cs, Sat(Cb)), Lum(Cb)). */
    HUE("hue", Family.NON_SEPARABLE),
    /** B = SetLum(SetSat(Cb, Sat(Cs)), Lum(Cb)). */
    SATURATION("saturation", Family.NON_SEPARABLE),
    /** B = SetLum(Cs, Lum(Cb)). */
    COLOR("color", Family.NON_SEPARABLE),
    /** B = SetLum(Cb, Lum(Cs)). */
    LUMINOSITY("luminosity", Family.NON_SEPARABLE),

    // ---- Photoshop extras ----
    /** B = max(0, Cb + Cs − 1). */
    LINEAR_BURN("linear-burn", Family.SEPARABLE),
    /** B = min(1, Cb + Cs) (Photoshop's "Linear Dodge (Add)"). */
    LINEAR_DODGE("linear-dodge", Family.SEPARABLE),
    /** B = color-burn(Cb, 2·Cs) if Cs ≤ 0.5, else color-dodge(Cb, 2·Cs − 1). */
    VIVID_LIGHT("vivid-light", Family.SEPARABLE),
    /** B = clamp(Cb + 2·Cs − 1, 0, 1). */
    LINEAR_LIGHT("linear-light", Family.SEPARABLE),
    /** B = min(Cb, 2·Cs) if Cs ≤ 0.5, else max(Cb, 2·Cs − 1). */
    PIN_LIGHT("pin-light", Family.SEPARABLE),
    /** B = 1 if Cb + Cs ≥ 1, else 0 (Photoshop's hard mix at 100 % fill). */
    HARD_MIX("hard-mix", Family.SEPARABLE),
    /** B = max(0, Cb − Cs). */
    SUBTRACT("subtract", Family.SEPARABLE),
    /** B = min(1, Cb / Cs); for Cs = 0: 0 if Cb = 0, else 1. */
    DIVIDE("divide", Family.SEPARABLE),
    /**
     * B = Cs if Lum(Cs) &lt; Lum(Cb), else Cb (the whole triple), with the W3C
     * Lum = 0.3·R + 0.59·G + 0.11·B; ties keep the backdrop.
     */
    DARKER_COLOR("darker-color", Family.NON_SEPARABLE),
    /** B = Cs if Lum(Cs) &gt; Lum(Cb), else Cb; ties keep the backdrop. */
    LIGHTER_COLOR("lighter-color", Family.NON_SEPARABLE);

    /** How a mode combines source and backdrop. */
    public enum Family { PORTER_DUFF, SEPARABLE, NON_SEPARABLE }

    private final String cssName;
    private final Family family;

    BlendMode(String cssName, Family family) {
        this.cssName = cssName;
        this.family = family;
    }

    /** The lower-case hyphenated name used on the command line and in files, e.g. {@code color-dodge}. */
    public String cssName() { return cssName; }

    public Family family() { return family; }

    /**
     * True when a fully transparent source pixel changes the backdrop under this mode (it clears
     * it). Under the canvas model these modes act on the whole canvas, not only the layer bounds.
     */
    public boolean clearsOutsideSource() {
        return switch (this) {
            case CLEAR, COPY, SOURCE_IN, DESTINATION_IN, SOURCE_OUT, DESTINATION_ATOP -> true;
            default -> false;
        };
    }

    /**
     * True when an opaque source pixel, at full opacity, replaces the backdrop exactly under this
     * mode (source-over, normal, copy): such spans are copied, and they hide every layer below.
     */
    public boolean replacesWhereOpaque() {
        return this == SOURCE_OVER || this == NORMAL || this == COPY;
    }

    /** Parses a {@link #cssName()}; the message of the exception lists every valid name. */
    public static BlendMode parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (BlendMode m : values()) {
            if (m.cssName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown blend mode '" + name + "'; expected one of: "
                + Arrays.stream(values()).map(BlendMode::cssName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() { return cssName; }
}
