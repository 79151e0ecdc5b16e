package io.shopstream.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes compiled plans as committed files. The text is a function of the plan alone: two-space indents,
 * one array element per line, {@code \n} line ends whatever the machine, keys in Flink's order and a final newline,
 * so a plan compiled twice is byte for byte the same file and a change to it is a readable diff.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private PlanJson() {}

    /** The plan in {@code text}; {@code source} names it in the error when it is not a plan. */
    public static ObjectNode parse(String text, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PlanFileException(source + " is not JSON (" + e.getOriginalMessage() + "); restore it from git"
                    + " or write it again with `plan`");
        }
        if (!(tree instanceof ObjectNode plan) || !plan.path("nodes").isArray() || !plan.path("edges").isArray()) {
            throw new PlanFileException(source + " is not a Flink compiled plan (no nodes and edges); restore it from"
                    + " git or write it again with `plan`");
        }
        return plan;
    }

    public static String write(ObjectNode plan) {
        try {
            return WRITER.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed plan cannot be written back", e);
        }
    }
}
