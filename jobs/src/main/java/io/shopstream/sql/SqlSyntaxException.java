package io.shopstream.sql;

/**
 * Text that cannot even be split into statements: an unterminated string, identifier or comment, or an
 * {@code EXECUTE STATEMENT SET BEGIN} never closed with {@code END}.
 */
public class SqlSyntaxException extends RuntimeException {

    private final SqlScript script;
    private final TextPosition position;

    SqlSyntaxException(SqlScript script, int offset, String message) {
        super(message);
        this.script = script;
        this.position = script.positionOf(offset);
    }

    public SqlScript script() {
        return script;
    }

    public TextPosition position() {
        return position;
    }
}
