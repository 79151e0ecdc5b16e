package io.shopstream.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What goes through a masked stream never shows a secret that was read. */
class SecretMaskTest {

    @Test
    void everyPrintAndStackTraceThroughAMaskedStreamHidesTheSecretsRead() {
        SecretMask.revealed("mask-test-Zq81-secret");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream masked = SecretMask.masking(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        masked.println("password=\"mask-test-Zq81-secret\";");
        masked.print("é and mask-test-Zq81-secret");
        masked.println();
        new IllegalStateException("server said: bad token mask-test-Zq81-secret").printStackTrace(masked);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("mask-test-Zq81-secret")
                .startsWith("password=\"****\";\né and ****\n")
                .contains("java.lang.IllegalStateException: server said: bad token ****\n\tat ");
        assertThat(SecretMask.masking(masked)).isSameAs(masked);
    }

    @Test
    void valuesTooShortToBeSecretsAreNotMasked() {
        SecretMask.revealed("abc");

        assertThat(SecretMask.mask("abc def")).isEqualTo("abc def");
    }
}
