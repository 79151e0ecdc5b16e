package io.shopstream.planning;

import io.shopstream.sql.Statement;
import java.util.List;
import java.util.Set;

/** What a statement does, as far as planning cares; read from its leading keywords. */
enum StatementKind {
    CREATE_FUNCTION,
    CREATE_TABLE,
    CREATE_VIEW,
    SET,
    INSERT,
    STATEMENT_SET,
    OTHER;

    private static final Set<String> CREATE_MODIFIERS = Set.of("TEMPORARY", "SYSTEM", "OR", "REPLACE");

    static StatementKind of(Statement statement) {
        List<String> words = statement.leadingWords();
        if (words.isEmpty()) {
            return OTHER;
        }
        switch (words.get(0)) {
            case "CREATE": {
                String object = words.stream().skip(1).filter(w -> !CREATE_MODIFIERS.contains(w)).findFirst().orElse("");
                switch (object) {
                    case "FUNCTION":
                        return CREATE_FUNCTION;
                    case "TABLE":
                        return CREATE_TABLE;
                    case "VIEW":
                        return CREATE_VIEW;
                    default:
                        return OTHER;
                }
            }
            case "SET":
                return SET;
            case "INSERT":
                return INSERT;
            case "EXECUTE":
                return statement.startsWith("EXECUTE", "STATEMENT", "SET", "BEGIN") ? STATEMENT_SET : OTHER;
            default:
                return OTHER;
        }
    }

    /** Sources are created in dependency order: functions, then tables, then the views over them. */
    int sourceOrder() {
        switch (this) {
            case CREATE_FUNCTION:
                return 0;
            case CREATE_TABLE:
                return 1;
            default:
                return 2;
        }
    }
}
