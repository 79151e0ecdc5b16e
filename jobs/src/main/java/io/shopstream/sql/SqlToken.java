package io.shopstream.sql;

/** One lexical token of Flink SQL, as offsets into the script text. */
record SqlToken(Kind kind, int start, int end) {

    enum Kind {
        WHITESPACE,
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** {@code 'text'}, with {@code ''} inside. */
        STRING,
        /** {@code `name`} or {@code "name"}, with the quote doubled inside. */
        QUOTED_IDENTIFIER,
        WORD,
        SEMICOLON,
        OTHER;

        boolean isSignificant() {
            return this != WHITESPACE && this != LINE_COMMENT && this != BLOCK_COMMENT;
        }

        boolean isComment() {
            return this == LINE_COMMENT || this == BLOCK_COMMENT;
        }
    }

    String text(String source) {
        return source.substring(start, end);
    }

    boolean isWord(String source, String word) {
        return kind == Kind.WORD && source.regionMatches(true, start, word, 0, word.length())
                && end - start == word.length();
    }
}
