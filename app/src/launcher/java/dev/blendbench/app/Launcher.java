package dev.blendbench.app;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that any Java can load it: on an older runtime
 * (the default {@code java} of many machines) it says in one line which Java Blendbench needs
 * and exits 1, where the JVM would print an {@code UnsupportedClassVersionError} for
 * {@link Main}; on Java 25 it hands over to {@link Main}. Kept to what Java 8 has.
 */
public final class Launcher {
    /** The Java feature release Blendbench is built for. */
    static final int NEEDED = 25;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version", "0"));
        if (feature < NEEDED) {
            System.err.println("blendbench: needs Java " + NEEDED + " or later; this is Java "
                    + System.getProperty("java.version") + " at " + System.getProperty("java.home")
                    + " (set JAVA_HOME to a JDK " + NEEDED + " and run its bin/java)");
            System.exit(1);
        }
        try {
            Class.forName("dev.blendbench.app.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17. */
    static int feature(String spec) {
        try {
            String s = spec.startsWith("1.") ? spec.substring(2) : spec;
            int dot = s.indexOf('.');
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
