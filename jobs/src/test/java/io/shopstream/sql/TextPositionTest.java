package io.shopstream.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPositionTest {

    private static final String TEXT = "ab\ncde\n\nf";

    @Test
    void offsetsBecomeOneBasedLinesAndColumns() {
        assertThat(TextPosition.of(TEXT, 0)).isEqualTo(new TextPosition(1, 1));
        assertThat(TextPosition.of(TEXT, 2)).isEqualTo(new TextPosition(1, 3));
        assertThat(TextPosition.of(TEXT, 3)).isEqualTo(new TextPosition(2, 1));
        assertThat(TextPosition.of(TEXT, 4)).isEqualTo(new TextPosition(2, 2));
        assertThat(TextPosition.of(TEXT, 7)).isEqualTo(new TextPosition(3, 1));
        assertThat(TextPosition.of(TEXT, 8)).isEqualTo(new TextPosition(4, 1));
        assertThat(new TextPosition(2, 2)).hasToString("2:2");
    }

    @Test
    void theEndOfTheTextIsJustAfterItsLastCharacter() {
        assertThat(TextPosition.of(TEXT, TEXT.length())).isEqualTo(new TextPosition(4, 2));
        assertThat(TextPosition.of(TEXT, TEXT.length() + 5)).isEqualTo(new TextPosition(4, 2));
        assertThat(TextPosition.of("", 0)).isEqualTo(new TextPosition(1, 1));
    }

    @Test
    void linesAndColumnsBecomeTheSameOffsetsAgain() {
        for (int offset = 0; offset <= TEXT.length(); offset++) {
            TextPosition position = TextPosition.of(TEXT, offset);
            assertThat(TextPosition.offsetOf(TEXT, position.line(), position.column())).as("offset %d", offset)
                    .isEqualTo(offset);
        }
    }

    @Test
    void windowsLineEndsCountAsOneLineBreak() {
        String crlf = "ab\r\ncde\r\n\r\nf";

        assertThat(TextPosition.of(crlf, crlf.indexOf('c'))).isEqualTo(new TextPosition(2, 1));
        assertThat(TextPosition.of(crlf, crlf.indexOf('e'))).isEqualTo(new TextPosition(2, 3));
        assertThat(TextPosition.of(crlf, crlf.indexOf('f'))).isEqualTo(new TextPosition(4, 1));
        for (int offset = 0; offset <= crlf.length(); offset++) {
            TextPosition position = TextPosition.of(crlf, offset);
            assertThat(TextPosition.offsetOf(crlf, position.line(), position.column())).as("offset %d", offset)
                    .isEqualTo(offset);
        }
    }

    @Test
    void aTabCountsAsOneColumn() {
        assertThat(TextPosition.of("\t\tx", 2)).isEqualTo(new TextPosition(1, 3));
        assertThat(TextPosition.offsetOf("\t\tx", 1, 3)).isEqualTo(2);
    }

    @Test
    void positionsPastALineOrTheTextClampToItsEnd() {
        assertThat(TextPosition.offsetOf(TEXT, 1, 99)).isEqualTo(2);
        assertThat(TextPosition.offsetOf(TEXT, 2, 0)).isEqualTo(3);
        assertThat(TextPosition.offsetOf(TEXT, 9, 1)).isEqualTo(TEXT.length());
    }
}
