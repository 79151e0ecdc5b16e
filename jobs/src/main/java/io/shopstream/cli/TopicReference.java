package io.shopstream.cli;

import io.shopstream.bundle.AccountingTopics;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code tail}'s TOPIC argument designates. A pipeline of the bundle ({@code name} for its latest version,
 * {@code name.vN}, or its output topic's own name) stands for its output topic under the profile's
 * {@code TOPIC_PREFIX}; anything else is taken as a topic name. When the topic is not on the broker, says why it
 * might not be and what is there instead.
 */
final class TopicReference {

    /** A pipeline name with a version, spelt as a reference ({@code name.v2}, {@code name@v2}) or a topic. */
    private static final Pattern VERSIONED = Pattern.compile("([a-z][a-z0-9_]*)[._@]v([1-9][0-9]*)");
    private static final int TOPICS_LISTED = 30;

    private final String argument;
    private final String topic;
    private final Optional<PipelineId> pipeline;
    private final List<PipelineId> bundled;
    private final Variables variables;
    private final String bundleRoot;

    private TopicReference(String argument, String topic, Optional<PipelineId> pipeline, List<PipelineId> bundled,
            Variables variables, String bundleRoot) {
        this.argument = argument;
        this.topic = topic;
        this.pipeline = pipeline;
        this.bundled = bundled;
        this.variables = variables;
        this.bundleRoot = bundleRoot;
    }

    static TopicReference resolve(String argument, SqlBundle bundle, Variables variables) {
        List<PipelineId> bundled = bundle.pipelines().stream().map(PipelineFile::id).toList();
        // dead_letters and late_events name the accounting topics, shared by every version of every pipeline.
        String topicPrefix = variables.lookup("TOPIC_PREFIX").orElse("");
        for (String accounting : List.of(AccountingTopics.deadLetters(topicPrefix),
                AccountingTopics.lateEvents(topicPrefix))) {
            if (argument.equals(accounting) || (topicPrefix + argument).equals(accounting)) {
                return new TopicReference(argument, accounting, Optional.empty(), bundled, variables,
                        bundle.displayRoot());
            }
        }
        Optional<PipelineId> pipeline = bundled.stream()
                .filter(id -> id.matches(argument) || outputTopic(id, variables).equals(argument))
                .max(Comparator.naturalOrder());
        // The dead-letters pipeline writes the shared topic, not an output topic of its version's.
        String topic = pipeline.map(id -> id.name().equals(AccountingTopics.DEAD_LETTERS_PIPELINE)
                ? AccountingTopics.deadLetters(topicPrefix) : outputTopic(id, variables)).orElse(argument);
        return new TopicReference(argument, topic, pipeline, bundled, variables, bundle.displayRoot());
    }

    String topic() {
        return topic;
    }

    /** The pipeline whose output the topic is, when the argument named one. */
    Optional<PipelineId> pipeline() {
        return pipeline;
    }

    /** The message for a topic the broker at {@code bootstrapServers} does not have, given the ones it has. */
    String notFound(String bootstrapServers, SortedSet<String> existing) {
        StringBuilder message = new StringBuilder("topic " + topic + " does not exist on " + bootstrapServers + ".");
        pipeline.map(id -> "It is the output of pipeline " + id + " with profile " + variables.profile().name()
                + ": has " + id + " run against this broker?")
                .or(() -> hint(existing))
                .ifPresent(hint -> message.append(' ').append(hint));
        if (existing.isEmpty()) {
            return message.append(" The broker has no topics.").toString();
        }
        if (existing.size() <= TOPICS_LISTED) {
            return message.append(" Topics there: ").append(String.join(", ", existing)).toString();
        }
        // On a busy broker the topic meant (a typo, another prefix) must not be among the ones cut off.
        List<String> nearest = existing.stream()
                .sorted(Comparator.comparingInt((String name) -> editDistance(topic, name)))
                .limit(TOPICS_LISTED).sorted().toList();
        return message.append(" The ").append(TOPICS_LISTED).append(" of its ").append(existing.size())
                .append(" topics nearest to that name: ").append(String.join(", ", nearest)).toString();
    }

    /** Levenshtein distance: the fewest single-character edits turning {@code from} into {@code to}. */
    private static int editDistance(String from, String to) {
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }

    /**
     * Why a topic that no pipeline of the bundle writes to might be missing: it is a pipeline name without its version,
     * a version the bundle does not have, or an output topic without the profile's prefix.
     */
    private Optional<String> hint(SortedSet<String> existing) {
        String topicPrefix = variables.lookup("TOPIC_PREFIX").orElse("");
        Pattern versionsOfIt = Pattern.compile("(" + Pattern.quote(topicPrefix) + ")?" + Pattern.quote(argument)
                + "_v[1-9][0-9]*");
        List<String> versions = existing.stream().filter(name -> versionsOfIt.matcher(name).matches()).toList();
        if (!versions.isEmpty()) {
            return Optional.of(argument + " looks like a pipeline name without its version: did you mean "
                    + String.join(" or ", versions) + "?");
        }
        String unprefixed = argument.startsWith(topicPrefix) ? argument.substring(topicPrefix.length()) : argument;
        Matcher versioned = VERSIONED.matcher(unprefixed);
        if (!versioned.matches()) {
            return Optional.empty();
        }
        String name = versioned.group(1);
        List<PipelineId> versionsInBundle = bundled.stream().filter(id -> id.name().equals(name)).toList();
        if (versionsInBundle.isEmpty()) {
            return Optional.empty();
        }
        int version = Integer.parseInt(versioned.group(2));
        return Optional.of(versionsInBundle.stream().filter(id -> id.version() == version).findFirst()
                .map(id -> "Pipeline " + id + " writes to " + outputTopic(id, variables) + " with profile "
                        + variables.profile().name() + ".")
                .orElse(bundleRoot + "/pipelines has no version " + version + " of pipeline " + name + " (it has "
                        + String.join(", ", versionsInBundle.stream().map(PipelineId::toString).toList()) + ")."));
    }

    private static String outputTopic(PipelineId id, Variables variables) {
        return PipelineVariables.of(id, variables).get(PipelineVariables.OUTPUT_TOPIC);
    }
}
