package io.shopstream.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The compiled plans committed with the SQL: {@code plans/<profile>/<pipeline>.v<N>.json}, one per pipeline version
 * and profile, because a profile's values (watermark delay, idle timeout, state TTL) are compiled into the plan.
 */
public final class CommittedPlans {

    private static final String SUFFIX = ".json";

    /** A file found under {@code plans/}: its profile folder, and the pipeline its name designates, if it does. */
    public record StoredPlan(String profile, String fileName, Optional<PipelineId> pipeline, Path path,
            String display) {}

    private final SqlBundle bundle;
    private final Path directory;
    private final String displayDirectory;

    private CommittedPlans(SqlBundle bundle) {
        this.bundle = bundle;
        this.directory = bundle.plansDirectory();
        this.displayDirectory = bundle.displayRoot() + "/plans";
    }

    public static CommittedPlans of(SqlBundle bundle) {
        return new CommittedPlans(bundle);
    }

    /** {@code sql/plans/local/active_users_1m.v1.json}: the plan's file as messages show it. */
    public String display(PipelineId id, String profile) {
        return displayDirectory + "/" + profile + "/" + id + SUFFIX;
    }

    /** {@code sql/pipelines/active_users_1m.v1.sql}. */
    public String pipelineFile(PipelineId id) {
        return bundle.displayRoot() + "/pipelines/" + id.fileName();
    }

    public Optional<String> read(PipelineId id, String profile) {
        Path file = path(id, profile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlanFileException("cannot read " + display(id, profile) + ": " + e.getMessage());
        }
    }

    /** The committed plan, parsed; empty when there is none. */
    public Optional<ObjectNode> parsed(PipelineId id, String profile) {
        return read(id, profile).map(text -> PlanJson.parse(text, display(id, profile)));
    }

    public void write(PipelineId id, String profile, String text) {
        if (!bundle.isWritable()) {
            throw new PlanFileException("plans are written next to the SQL they are compiled from, and "
                    + bundle.displayRoot() + " is inside the jar: run from the repository or pass --sql-dir");
        }
        Path file = path(id, profile);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlanFileException("cannot write " + display(id, profile) + ": " + e.getMessage());
        }
    }

    public void delete(StoredPlan plan) {
        try {
            Files.delete(plan.path());
        } catch (IOException e) {
            throw new PlanFileException("cannot delete " + plan.display() + ": " + e.getMessage());
        }
    }

    /** Every {@code *.json} file under {@code plans/<profile>/}, by profile and name. */
    public List<StoredPlan> stored() {
        List<StoredPlan> plans = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return plans;
        }
        try (Stream<Path> profiles = Files.list(directory)) {
            for (Path profileDirectory : profiles.filter(Files::isDirectory).sorted().toList()) {
                String profile = profileDirectory.getFileName().toString().replace("/", "");
                try (Stream<Path> files = Files.list(profileDirectory)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                            .toList()) {
                        String name = file.getFileName().toString();
                        Optional<PipelineId> id = PipelineId.fromFileName(
                                name.substring(0, name.length() - SUFFIX.length()) + ".sql");
                        plans.add(new StoredPlan(profile, name, id, file,
                                displayDirectory + "/" + profile + "/" + name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + displayDirectory, e);
        }
        return plans;
    }

    private Path path(PipelineId id, String profile) {
        return directory.resolve(profile).resolve(id + SUFFIX);
    }
}
