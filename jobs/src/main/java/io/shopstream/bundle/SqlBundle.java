package io.shopstream.bundle;

import io.shopstream.sql.SqlScript;
import io.shopstream.variables.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The analysts' SQL: {@code functions.sql}, {@code sources/*.sql}, {@code pipelines/<name>.v<N>.sql},
 * {@code profiles/<env>.properties}, {@code tests/<pipeline>/} and the compiled plans under {@code plans/}. Read from
 * {@code --sql-dir}, else from {@code ./sql} when the launcher runs in the repository, else from the copy inside the
 * jar.
 */
public final class SqlBundle {

    private final Path root;
    private final String displayRoot;

    private SqlBundle(Path root, String displayRoot) {
        this.root = root;
        this.displayRoot = displayRoot;
    }

    public static SqlBundle at(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BundleException("SQL directory " + directory + " does not exist or is not a directory");
        }
        if (!Files.isDirectory(directory.resolve("pipelines"))) {
            throw new BundleException("SQL directory " + directory
                    + " has no pipelines/ folder: point --sql-dir at the folder that holds pipelines/, sources/"
                    + " and profiles/");
        }
        return new SqlBundle(directory, displayName(directory));
    }

    /** {@code explicit} when given, else {@code ./sql} if present, else the SQL bundled in the jar. */
    public static SqlBundle locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return at(explicit.get());
        }
        Path local = Path.of("sql");
        if (Files.isDirectory(local.resolve("pipelines"))) {
            return at(local);
        }
        return bundled();
    }

    /** The SQL copied into the jar at build time. */
    public static SqlBundle bundled() {
        Path root = BundledDirectory.find("sql").filter(sql -> Files.isDirectory(sql.resolve("pipelines")))
                .orElseThrow(() -> new BundleException(
                        "this build carries no SQL bundle; run from the repository or pass --sql-dir"));
        return new SqlBundle(root, "shopstream.jar!/sql");
    }

    /** Copies the bundle (the one in the jar, too) to {@code directory}, for a run that adds pipelines of its own. */
    public SqlBundle copyTo(Path directory) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Path target = directory.resolve(root.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + displayRoot + " to " + directory, e);
        }
        return at(directory);
    }

    /** How the bundle's root is shown in messages: {@code sql}, a path, or {@code <bundled>}. */
    public String displayRoot() {
        return displayRoot;
    }

    public Profile profile(String name) {
        return Profile.load(root.resolve("profiles"), name, displayRoot + "/profiles");
    }

    /** The names of the profiles in {@code profiles/}, sorted. */
    public List<String> profileNames() {
        Path directory = root.resolve("profiles");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".properties"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + displayRoot + "/profiles", e);
        }
    }

    /** {@code functions.sql}, when the bundle has one: the UDFs every source and pipeline may use. */
    public Optional<SqlScript> functions() {
        Path file = root.resolve("functions.sql");
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Every file under {@code sources/}, by name. */
    public List<SqlScript> sources() {
        return list(root.resolve("sources")).stream().map(this::read).toList();
    }

    /** Every pipeline, by name and version; a file whose name does not carry a version is an error. */
    public List<PipelineFile> pipelines() {
        List<PipelineFile> pipelines = new ArrayList<>();
        for (Path file : list(root.resolve("pipelines"))) {
            String fileName = file.getFileName().toString();
            PipelineId id = PipelineId.fromFileName(fileName).orElseThrow(() -> new BundleException(
                    display(file) + ": a pipeline file must be named " + PipelineId.fileNamePattern()));
            pipelines.add(new PipelineFile(id, read(file)));
        }
        pipelines.sort((a, b) -> a.id().compareTo(b.id()));
        return pipelines;
    }

    /**
     * The pipelines a user asked for: {@code name} is every version of it, {@code name.vN} (or {@code name@vN}) one
     * version. An unknown reference is an error that lists what exists.
     */
    public List<PipelineFile> select(List<String> references) {
        List<PipelineFile> all = pipelines();
        List<PipelineFile> selected = new ArrayList<>();
        for (String reference : references) {
            List<PipelineFile> matches = all.stream().filter(p -> p.id().matches(reference)).toList();
            if (matches.isEmpty()) {
                throw new BundleException("unknown pipeline '" + reference + "'. Pipelines in " + displayRoot
                        + "/pipelines: " + String.join(", ", all.stream().map(p -> p.id().toString()).toList()));
            }
            matches.stream().filter(m -> !selected.contains(m)).forEach(selected::add);
        }
        return selected;
    }

    /** The pipeline a reference names; for a bare name (every version) the latest version. */
    public PipelineFile latest(String reference) {
        return select(List.of(reference)).stream()
                .max(java.util.Comparator.comparing(PipelineFile::id))
                .orElseThrow();
    }

    /** The latest version of every pipeline: what runs when no pipeline is named. */
    public List<PipelineFile> latestVersions() {
        Map<String, PipelineFile> latest = new TreeMap<>();
        for (PipelineFile pipeline : pipelines()) {
            latest.merge(pipeline.id().name(), pipeline,
                    (a, b) -> a.id().compareTo(b.id()) >= 0 ? a : b);
        }
        return new ArrayList<>(latest.values());
    }

    /** {@code pipelines/}: one file per pipeline version. */
    public Path pipelinesDirectory() {
        return root.resolve("pipelines");
    }

    /** {@code plans/}: the committed compiled plans, one folder per profile. */
    public Path plansDirectory() {
        return root.resolve("plans");
    }

    /** Whether the bundle is a folder that can be written to, rather than the copy inside the jar. */
    public boolean isWritable() {
        return "file".equals(root.getFileSystem().provider().getScheme());
    }

    /** {@code tests/<pipeline name>/}: the golden test of a pipeline (input events and expected rows). */
    public Path testDirectory(String pipelineName) {
        return root.resolve("tests").resolve(pipelineName);
    }

    private List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + display(directory), e);
        }
    }

    private SqlScript read(Path file) {
        try {
            return new SqlScript(display(file), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BundleException("cannot read " + display(file) + ": " + e.getMessage());
        }
    }

    private String display(Path file) {
        return displayRoot + "/" + root.relativize(file).toString().replace('\\', '/');
    }

    private static String displayName(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        String shown = absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown;
    }
}
