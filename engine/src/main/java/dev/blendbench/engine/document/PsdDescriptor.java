package dev.blendbench.engine.document;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Photoshop action descriptor (Adobe's "Descriptor structure", as in a fill layer's
 * {@code SoCo} block) into a map: keys to numbers, booleans, strings, enumerated values (as
 * {@code "type.value"}) and nested descriptors (as {@link Descriptor}); lists, references and raw
 * data are read past and left out. Every length is checked against the bytes left and nesting is
 * bounded, so hostile data ends in an {@link IOException}.
 */
final class PsdDescriptor {
    private PsdDescriptor() {}

    /** A descriptor: its class and its items, in order. */
    record Descriptor(String classId, Map<String, Object> items) {
        /** A number item, or NaN where the key is missing or not a number. */
        double number(String key) {
            return items.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    private static final int MAX_DEPTH = 16;

    /** Reads the descriptor that starts at the buffer's position. */
    static Descriptor read(ByteBuffer in) throws IOException {
        try {
            return descriptor(in, 0);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new EOFException("a descriptor runs past its block");
        }
    }

    private static Descriptor descriptor(ByteBuffer in, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("descriptors nested deeper than " + MAX_DEPTH);
        unicode(in); // its name
        String classId = id(in);
        long count = in.getInt() & 0xFFFFFFFFL;
        if (count > in.remaining() / 8) throw new EOFException("a descriptor claims " + count + " items");
        Map<String, Object> items = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String key = id(in);
            Object v = value(in, type(in), depth);
            if (v != null) items.put(key, v);
        }
        return new Descriptor(classId, items);
    }

    private static Object value(ByteBuffer in, String type, int depth) throws IOException {
        switch (type) {
            case "Objc", "GlbO" -> { return descriptor(in, depth + 1); }
            case "doub" -> { return in.getDouble(); }
            case "UntF" -> {
                in.getInt(); // unit
                return in.getDouble();
            }
            case "long" -> { return in.getInt(); }
            case "comp" -> { return in.getLong(); }
            case "bool" -> { return in.get() != 0; }
            case "TEXT" -> { return unicode(in); }
            case "enum" -> { return id(in) + "." + id(in); }
            case "type", "GlbC" -> {
                unicode(in);
                return id(in);
            }
            case "VlLs" -> {
                long n = in.getInt() & 0xFFFFFFFFL;
                if (n > in.remaining()) throw new EOFException("a list claims " + n + " items");
                for (long i = 0; i < n; i++) value(in, type(in), depth + 1);
                return null;
            }
            case "UnFl" -> {
                in.getInt(); // unit
                long n = in.getInt() & 0xFFFFFFFFL;
                skip(in, n * 8);
                return null;
            }
            case "tdta", "alis", "Pth " -> {
                skip(in, in.getInt() & 0xFFFFFFFFL);
                return null;
            }
            case "obj " -> {
                reference(in);
                return null;
            }
            default -> throw new IOException("a descriptor item of unknown type '" + printable(type) + "'");
        }
    }

    private static void reference(ByteBuffer in) throws IOException {
        long n = in.getInt() & 0xFFFFFFFFL;
        if (n > in.remaining()) throw new EOFException("a reference claims " + n + " items");
        for (long i = 0; i < n; i++) {
            String form = type(in);
            switch (form) {
                case "prop" -> { unicode(in); id(in); id(in); }
                case "Clss" -> { unicode(in); id(in); }
                case "Enmr" -> { unicode(in); id(in); id(in); id(in); }
                case "rele", "Idnt", "indx" -> {
                    if (form.equals("rele")) { unicode(in); id(in); }
                    in.getInt();
                }
                case "name" -> { unicode(in); id(in); unicode(in); }
                default -> throw new IOException("a reference of unknown form '" + printable(form) + "'");
            }
        }
    }

    /** A key or class: a length and that many bytes, or length 0 and a 4-byte code. */
    private static String id(ByteBuffer in) throws EOFException {
        long n = in.getInt() & 0xFFFFFFFFL;
        if (n == 0) n = 4;
        if (n > in.remaining()) throw new EOFException("an identifier of " + n + " bytes runs past its block");
        byte[] b = new byte[(int) n];
        in.get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String type(ByteBuffer in) {
        byte[] b = new byte[4];
        in.get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A length in UTF-16 units, then the units (the last often a NUL, dropped). */
    private static String unicode(ByteBuffer in) throws EOFException {
        long n = in.getInt() & 0xFFFFFFFFL;
        if (n > in.remaining() / 2) throw new EOFException("a string of " + n + " characters runs past its block");
        char[] c = new char[(int) n];
        for (int i = 0; i < n; i++) c[i] = in.getChar();
        int len = c.length > 0 && c[c.length - 1] == 0 ? c.length - 1 : c.length;
        return new String(c, 0, len);
    }

    private static void skip(ByteBuffer in, long n) throws EOFException {
        if (n > in.remaining()) throw new EOFException("data of " + n + " bytes runs past its block");
        in.position(in.position() + (int) n);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
