package io.gwctl.model.translate;

import java.util.Comparator;

/**
 * Go's string ordering (bytewise UTF-8) for Java strings, spec §12.2: {@link String#compareTo} orders UTF-16 code
 * units, which differs from UTF-8 byte order for characters outside the Basic Multilingual Plane.
 */
public final class GoStrings {
    /** Orders strings as Go's {@code <} does. */
    public static final Comparator<String> ORDER = GoStrings::compare;

    private GoStrings() {
    }

    /** Compares by Unicode code point, which is the same as comparing the UTF-8 bytes. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
