package dev.blendbench.app.gui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.regex.Pattern;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Editable number spinners that take what a person types. JavaFX's own converters throw on text
 * that is not a number (a stack trace on the FX thread, the field left showing the text), read
 * {@code "1e9"} as 1 and {@code "12,5"} as 12, show at most two decimals (so committing an
 * untouched 10.125 changed it), and commit only on Enter. These spinners:
 * <ul>
 *   <li>accept a decimal point or comma and an exponent ({@code 12.5}, {@code 12,5}, {@code 1e3});
 *       whole-number fields also accept digit grouping ({@code 1 000}, {@code 1_000}, {@code 1,000});
 *   <li>on text that is not a number, keep the value, put it back in the field and say why through
 *       {@code complain} ({@code "X: 'abc' is not a number"});
 *   <li>on a number out of range, take the nearest bound and say so;
 *   <li>commit when the field loses focus as well as on Enter.
 * </ul>
 */
final class NumberSpinners {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

    private NumberSpinners() {}

    /** A spinner of decimals in [min, max], named {@code what} in complaints. */
    static Spinner<Double> decimal(String what, double min, double max, double initial, double step, Consumer<String> complain) {
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, initial, step);
        Spinner<Double> s = new Spinner<>(factory);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : format(v);
            }

            @Override
            public Double fromString(String text) {
                Double v = parseDecimal(text);
                if (v == null) return refuse(s, what, text, complain);
                return clamp(what, v, min, max, NumberSpinners::format, complain);
            }
        });
        editable(s);
        return s;
    }

    /** A spinner of whole numbers in [min, max], named {@code what} in complaints. */
    static Spinner<Integer> whole(String what, int min, int max, int initial, Consumer<String> complain) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial);
        Spinner<Integer> s = new Spinner<>(factory);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                Long v = parseWhole(text);
                if (v == null) return refuse(s, what, text, complain);
                return (int) clamp(what, v, min, max, d -> Long.toString((long) d), complain);
            }
        });
        editable(s);
        return s;
    }

    /** {@code text} as a decimal (point or comma), or null when it is not one. */
    static Double parseDecimal(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.').replace('\u2212', '-');
        if (!DECIMAL.matcher(t).matches()) return null;
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }

    /** {@code text} as a whole number (digit grouping allowed), or null when it is not one. */
    static Long parseWhole(String text) {
        String t = text == null ? "" : text.strip().replaceAll("[ _,'\u00a0\u202f]", "").replace('\u2212', '-');
        if (!WHOLE.matcher(t).matches() || t.length() > 18) return null;
        return Long.parseLong(t);
    }

    /** Up to six decimals, without trailing zeros: 40, 12.5, 0.333333. */
    static String format(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static <T> T refuse(Spinner<T> s, String what, String text, Consumer<String> complain) {
        T kept = s.getValue();
        complain.accept(what + ": '" + text.strip() + "' is not a number");
        s.getEditor().setText(s.getValueFactory().getConverter().toString(kept));
        return kept;
    }

    /** v, or the bound it passes (saying so): "Scale is at most 100 (1000000000 was typed)". */
    private static double clamp(String what, double v, double min, double max, DoubleFunction<String> show, Consumer<String> complain) {
        if (v >= min && v <= max) return v;
        double bound = v < min ? min : max;
        complain.accept(String.format(Locale.ROOT, "%s is at %s %s (%s was typed)", what, v < min ? "least" : "most",
                show.apply(bound), show.apply(v)));
        return bound;
    }

    private static void editable(Spinner<?> s) {
        s.setEditable(true);
        s.focusedProperty().addListener((o, was, now) -> {
            if (!now) s.commitValue();
        });
    }
}
