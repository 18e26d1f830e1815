package io.gwctl.model;

/**
 * The one sanitiser for text that reaches a terminal or a line-oriented report: file names, resource names,
 * values and messages may contain any character (a file named with a line break, a name with an ESC sequence), and
 * printed raw they would split one problem over two lines, forge a {@code gwctl: ...} line or drive the terminal.
 * Control characters are escaped as {@code \n}, {@code \r}, {@code \t}, {@code \x1b}, and the Unicode line
 * separators and bidirectional controls as {@code \u2028}; a backslash is left as it is, so that ordinary Windows
 * paths and regular expressions read unchanged.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every control character escaped; the same string when there is none (the common case). */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x100) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /**
     * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional embedding, override and
     * isolate controls (which can make a line display as something else: CVE-2021-42574).
     */
    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0 || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f';
    }
}
