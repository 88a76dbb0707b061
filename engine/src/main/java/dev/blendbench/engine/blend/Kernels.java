package dev.blendbench.engine.blend;

import java.util.EnumMap;
import java.util.Map;

/** The fast span kernel of every {@link BlendMode}. */
final class Kernels {
    private Kernels() {}

    private static final Map<BlendMode, SpanKernel> TABLE = new EnumMap<>(BlendMode.class);

    static {
        for (BlendMode m : BlendMode.values()) {
            TABLE.put(m, create(m));
        }
    }

    static SpanKernel of(BlendMode mode) {
        return TABLE.get(mode);
    }

    private static SpanKernel create(BlendMode m) {
        return switch (m) {
            case CLEAR -> PorterDuffKernels::clear;
            case COPY -> PorterDuffKernels::copy;
            case DESTINATION -> PorterDuffKernels::destination;
            case SOURCE_OVER -> PorterDuffKernels::sourceOver;
            case DESTINATION_OVER -> PorterDuffKernels::destinationOver;
            case SOURCE_IN -> PorterDuffKernels::sourceIn;
            case DESTINATION_IN -> PorterDuffKernels::destinationIn;
            case SOURCE_OUT -> PorterDuffKernels::sourceOut;
            case DESTINATION_OUT -> PorterDuffKernels::destinationOut;
            case SOURCE_ATOP -> PorterDuffKernels::sourceAtop;
            case DESTINATION_ATOP -> PorterDuffKernels::destinationAtop;
            case XOR -> PorterDuffKernels::xor;
            case LIGHTER -> PorterDuffKernels::lighter;
            case HUE -> NonSeparableKernels::hue;
            case SATURATION -> NonSeparableKernels::saturation;
            case COLOR -> NonSeparableKernels::color;
            case LUMINOSITY -> NonSeparableKernels::luminosity;
            case DARKER_COLOR -> NonSeparableKernels::darkerColor;
            case LIGHTER_COLOR -> NonSeparableKernels::lighterColor;
            case NORMAL -> SeparableKernels::normal;
            case MULTIPLY -> SeparableKernels::multiply;
            case SCREEN -> SeparableKernels::screen;
            case OVERLAY -> SeparableKernels::overlay;
            case HARD_LIGHT -> SeparableKernels::hardLight;
            case DARKEN -> SeparableKernels::darken;
            case LIGHTEN -> SeparableKernels::lighten;
            case DIFFERENCE -> SeparableKernels::difference;
            case EXCLUSION -> SeparableKernels::exclusion;
            case LINEAR_BURN -> SeparableKernels::linearBurn;
            case LINEAR_DODGE -> SeparableKernels::linearDodge;
            case LINEAR_LIGHT -> SeparableKernels::linearLight;
            case PIN_LIGHT -> SeparableKernels::pinLight;
            case HARD_MIX -> SeparableKernels::hardMix;
            case SUBTRACT -> SeparableKernels::subtract;
            case COLOR_DODGE -> SeparableKernels::colorDodge;
            case COLOR_BURN -> SeparableKernels::colorBurn;
            case SOFT_LIGHT -> SeparableKernels::softLight;
            case VIVID_LIGHT -> SeparableKernels::vividLight;
            case DIVIDE -> SeparableKernels::divide;
        };
    }
}
