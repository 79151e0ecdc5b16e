package io.shopstream.secrets;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value this JVM has read, and the means to keep them out of what it prints: whatever goes through a
 * {@link #masking masked stream} (the launcher wraps stdout and stderr) or {@link #mask} has each of them replaced by
 * {@value #MASK}. The secrets never enter SQL text (see {@link ConnectorCredentials}); this is the net under
 * everything else that prints: error messages quoting Flink's or a server's words, stack traces under
 * {@code --verbose}.
 */
public final class SecretMask {

    public static final String MASK = "****";
    /** Shorter values would mask ordinary words; a real password or token is longer. */
    private static final int SHORTEST_MASKED = 4;

    private static final Set<String> REVEALED = ConcurrentHashMap.newKeySet();

    private SecretMask() {}

    /** Records a secret value that was just read, so that nothing prints it from now on. */
    public static String revealed(String value) {
        if (value.length() >= SHORTEST_MASKED) {
            REVEALED.add(value);
        }
        return value;
    }

    /** {@code text} with every secret read so far replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null || REVEALED.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : REVEALED) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** A stream that prints to {@code target} with every secret masked; {@code target} itself if already masked. */
    public static PrintStream masking(PrintStream target) {
        if (target instanceof MaskedPrintStream) {
            return target;
        }
        return new MaskedPrintStream(target);
    }

    /** The stream a masked stream prints to, else the stream itself. */
    public static PrintStream unmasked(PrintStream stream) {
        return stream instanceof MaskedPrintStream masked ? masked.target : stream;
    }

    private static final class MaskedPrintStream extends PrintStream {
        private final PrintStream target;

        MaskedPrintStream(PrintStream target) {
            // PrintStream hands each print call's bytes to the filter in one write: a secret is never split.
            super(new MaskingOutputStream(target), true, StandardCharsets.UTF_8);
            this.target = target;
        }
    }

    private static final class MaskingOutputStream extends FilterOutputStream {

        MaskingOutputStream(OutputStream target) {
            super(target);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (REVEALED.isEmpty()) {
                out.write(bytes, offset, length);
                return;
            }
            String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
            String masked = mask(text);
            if (masked.equals(text)) {
                out.write(bytes, offset, length);
            } else {
                out.write(masked.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
