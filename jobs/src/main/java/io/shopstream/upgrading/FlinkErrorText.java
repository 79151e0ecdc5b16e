package io.shopstream.upgrading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's REST API reports a failure as a Java stack trace, often several causes deep ("Could not execute
 * application ... Caused by: ... Caused by: the actual reason"). The innermost cause is the one that says what went
 * wrong; the rest is wrapping. Its type stays, shortened ({@code ClassNotFoundException: io.shopstream...}), except
 * for the launcher's own exceptions, whose messages say it all.
 */
final class FlinkErrorText {

    private static final String CAUSED_BY = "Caused by: ";
    /** {@code org.example.SomeException: } at the start of a cause line. */
    private static final Pattern EXCEPTION_CLASS =
            Pattern.compile("^((?:[a-zA-Z_$][\\w$]*\\.)+)([A-Z][\\w$]*)(: )?");
    private static final String LAUNCHER_PACKAGE = "io.shopstream.";

    private FlinkErrorText() {}

    /** The innermost cause's message (every line of it), without its exception class and stack frames. */
    static String innermostCause(String stackTrace) {
        String text = stackTrace.strip();
        int caused = text.lastIndexOf(CAUSED_BY);
        if (caused >= 0) {
            text = text.substring(caused + CAUSED_BY.length());
        }
        int frames = firstFrame(text);
        if (frames >= 0) {
            text = text.substring(0, frames);
        }
        text = text.strip();
        Matcher type = EXCEPTION_CLASS.matcher(text);
        if (type.find()) {
            boolean launchers = type.group(1).startsWith(LAUNCHER_PACKAGE) && type.group(3) != null;
            text = launchers ? text.substring(type.end()) : type.group(2) + text.substring(type.end(2));
        }
        return text.strip();
    }

    private static int firstFrame(String text) {
        int frame = -1;
        for (String marker : new String[] {"\n\tat ", "\n\t... ", "\n    at "}) {
            int at = text.indexOf(marker);
            if (at >= 0 && (frame < 0 || at < frame)) {
                frame = at;
            }
        }
        return frame;
    }
}
