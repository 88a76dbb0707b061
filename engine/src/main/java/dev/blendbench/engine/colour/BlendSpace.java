package dev.blendbench.engine.colour;

import java.util.Locale;

/** Where a scene's layers are blended. */
public enum BlendSpace {
    /**
     * On the gamma-encoded 8-bit sRGB values, as browsers and most editors do: fast, and what
     * people expect to match; mid-tones of blends come out darker than physics says.
     */
    SRGB("srgb"),
    /**
     * In linear light, at float precision (≥ 16 bits a channel): decode each layer, blend,
     * encode once at the end. Physically right mixes and no banding in deep stacks.
     */
    LINEAR("linear");

    private final String cliName;

    BlendSpace(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    /** @throws IllegalArgumentException naming the value and the accepted names */
    public static BlendSpace parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "srgb", "gamma", "encoded" -> SRGB;
            case "linear", "linear-light", "linear-srgb" -> LINEAR;
            default -> throw new IllegalArgumentException("unknown blend space '" + name + "' (expected srgb or linear)");
        };
    }

    @Override
    public String toString() { return cliName; }
}
