package org.ncw.engine.core;

import java.util.regex.Pattern;

/**
 * Makes a message fit one terminal line: control characters the input carried (a newline inside a JSON string,
 * an escape sequence in a RIFF tag) are shown escaped instead of moving the cursor, a library's qualified class
 * name is cut to its simple name, and an echo of a huge input is shortened.
 */
public final class OneLine {
    /** Longest message kept; the rest becomes an ellipsis. */
    public static final int MAX_CHARS = 400;

    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "`?(?<![/\\\\\\w.-])(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z]\\w*)`?");

    private OneLine() {
    }

    public static String of(String message) {
        if (message == null) {
            return null;
        }
        String simple = QUALIFIED_CLASS.matcher(message).replaceAll("'$1'");
        StringBuilder b = new StringBuilder(Math.min(simple.length(), MAX_CHARS + 8));
        for (int i = 0; i < simple.length() && b.length() < MAX_CHARS; i++) {
            char c = simple.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (b.length() >= MAX_CHARS && simple.length() > MAX_CHARS) {
            b.setLength(MAX_CHARS);
            b.append(" …");
        }
        return b.toString();
    }
}
