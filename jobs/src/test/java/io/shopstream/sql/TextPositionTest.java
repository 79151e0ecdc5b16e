package io.shopstream.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPositionTest {

    private static final String TEXT = "ab\ncde\n\nf";

    @Test
    void offsetsBecomeOneBasedLinesAndColumns() {
        assertThat(TextPosition.of(TEXT, 0)).isEqualTo(new TextPosition(1, 1));
        assertThat(TextPosition.of(TEXT, 4)).isEqualTo(new TextPosition(2, 2));
        assertThat(TextPosition.of(TEXT, 8)).isEqualTo(new TextPosition(4, 1));
        assertThat(new TextPosition(2, 2)).hasToString("2:2");
    }

    @Test
    void linesAndColumnsBecomeTheSameOffsetsAgain() {
        for (int offset = 0; offset < TEXT.length(); offset++) {
            TextPosition position = TextPosition.of(TEXT, offset);
            assertThat(TextPosition.offsetOf(TEXT, position.line(), position.column())).isEqualTo(offset);
        }
    }
}
