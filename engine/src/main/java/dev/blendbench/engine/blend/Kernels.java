package dev.blendbench.engine.blend;

import java.util.EnumMap;
import java.util.Map;

/**
 * The span kernel of every {@link BlendMode}: the Vector API loops when {@code jdk.incubator.vector}
 * is in the boot layer (run the JVM with {@code --add-modules jdk.incubator.vector}), else the
 * scalar loops. Both compute the same bits. {@code -Dblendbench.vector=false} forces scalar.
 */
final class Kernels {
    private Kernels() {}

    /** True when the Vector API kernels are in use. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty(Compositor.VECTOR_PROPERTY));

    private static final Map<BlendMode, SpanKernel> SCALAR = new EnumMap<>(BlendMode.class);
    private static final Map<BlendMode, SpanKernel> ACTIVE = new EnumMap<>(BlendMode.class);

    static {
        for (BlendMode m : BlendMode.values()) {
            SCALAR.put(m, scalar(m));
            ACTIVE.put(m, VECTOR ? VectorTable.vector(m) : SCALAR.get(m));
        }
    }

    static SpanKernel of(BlendMode mode) {
        return ACTIVE.get(mode);
    }

    /** The scalar loop, whatever is active (for tests and comparisons). */
    static SpanKernel scalarOf(BlendMode mode) {
        return SCALAR.get(mode);
    }

    /** Vector API loops; a separate class so it is only loaded when the module is present. */
    static final class VectorTable {
        private VectorTable() {}

        static SpanKernel vector(BlendMode m) {
            return switch (m) {
                case SOURCE_OVER -> VectorPorterDuffKernels::sourceOver;
                case DESTINATION_OVER -> VectorPorterDuffKernels::destinationOver;
                case SOURCE_IN -> VectorPorterDuffKernels::sourceIn;
                case DESTINATION_IN -> VectorPorterDuffKernels::destinationIn;
                case SOURCE_OUT -> VectorPorterDuffKernels::sourceOut;
                case DESTINATION_OUT -> VectorPorterDuffKernels::destinationOut;
                case SOURCE_ATOP -> VectorPorterDuffKernels::sourceAtop;
                case DESTINATION_ATOP -> VectorPorterDuffKernels::destinationAtop;
                case XOR -> VectorPorterDuffKernels::xor;
                case LIGHTER -> VectorPorterDuffKernels::lighter;
                case CLEAR, COPY, DESTINATION -> scalar(m);
                case HUE -> VectorNonSeparableKernels::hue;
                case SATURATION -> VectorNonSeparableKernels::saturation;
                case COLOR -> VectorNonSeparableKernels::color;
                case LUMINOSITY -> VectorNonSeparableKernels::luminosity;
                case DARKER_COLOR -> VectorNonSeparableKernels::darkerColor;
                case LIGHTER_COLOR -> VectorNonSeparableKernels::lighterColor;
            // normal is source-over exactly (B = Cs): the same bits, see CompositorTest
            case NORMAL -> VectorPorterDuffKernels::sourceOver;
            case MULTIPLY -> VectorSeparableKernels::multiply;
            case SCREEN -> VectorSeparableKernels::screen;
            case OVERLAY -> VectorSeparableKernels::overlay;
            case HARD_LIGHT -> VectorSeparableKernels::hardLight;
            case DARKEN -> VectorSeparableKernels::darken;
            case LIGHTEN -> VectorSeparableKernels::lighten;
            case DIFFERENCE -> VectorSeparableKernels::difference;
            case EXCLUSION -> VectorSeparableKernels::exclusion;
            case LINEAR_BURN -> VectorSeparableKernels::linearBurn;
            case LINEAR_DODGE -> VectorSeparableKernels::linearDodge;
            case LINEAR_LIGHT -> VectorSeparableKernels::linearLight;
            case PIN_LIGHT -> VectorSeparableKernels::pinLight;
            case HARD_MIX -> VectorSeparableKernels::hardMix;
            case SUBTRACT -> VectorSeparableKernels::subtract;
            case COLOR_DODGE -> VectorFloatKernels::colorDodge;
            case COLOR_BURN -> VectorFloatKernels::colorBurn;
            case SOFT_LIGHT -> VectorFloatKernels::softLight;
            case VIVID_LIGHT -> VectorFloatKernels::vividLight;
            case DIVIDE -> VectorFloatKernels::divide;
            };
        }
    }

    private static SpanKernel scalar(BlendMode m) {
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
            case NORMAL -> PorterDuffKernels::sourceOver;
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
