package io.shopstream.planning;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.secrets.ConnectorCredentials;
import io.shopstream.sql.SqlScript;
import io.shopstream.sql.Statement;
import io.shopstream.sql.StatementSplitter;
import io.shopstream.sql.SqlSyntaxException;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.ResolvedStatement;
import io.shopstream.variables.UnresolvedVariableException;
import io.shopstream.variables.VariableResolver;
import io.shopstream.variables.Variables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.SinkModifyOperation;

/**
 * Loads a pipeline into a table environment the way it will run: the bundle's functions, then its sources (tables
 * before the views over them), then the pipeline file's statements, every one with its variables resolved. INSERTs
 * are gathered into one statement set, so a pipeline is one job. The first error in a file stops its planning and is
 * reported at its line and column.
 */
public final class PipelinePlanner {

    private static final Pattern SET_STATEMENT =
            Pattern.compile("(?is)SET\\s+'((?:[^']|'')+)'\\s*=\\s*'((?:[^']|'')*)'\\s*");

    private final SqlBundle bundle;

    public PipelinePlanner(SqlBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * Plans one pipeline in {@code environment}, which must be fresh: each pipeline gets its own, so one pipeline's
     * SET statements and temporary objects never leak into another.
     *
     * @param variables the pipeline's variables ({@link io.shopstream.variables.PipelineVariables#forPipeline})
     */
    public PlannedPipeline plan(TableEnvironment environment, PipelineFile pipeline, Variables variables) {
        TableDefinitions definitions = new TableDefinitions();
        createSources(environment, variables, definitions);
        StatementSet statementSet = environment.createStatementSet();
        PipelineStatements added = addPipeline(environment, statementSet, pipeline, variables, definitions);
        return new PlannedPipeline(pipeline.id(), environment, statementSet, added.sinks(), added.inserts(),
                definitions, Optional.empty());
    }

    /**
     * Plans several pipelines as one job {@code jobId}: the sources once, then each pipeline's statements with its
     * own variables (its topic, transactional ids), so the planner can share what they read alike (the scan and
     * parse of the source topics) instead of every job reading everything. A pipeline's tables are dropped once its
     * INSERTs hold them, so the next pipeline's tables of the same name (each windowed pipeline's late_events,
     * with its own transactional ids) are its own. A pipeline's SET statements hold for the whole job.
     *
     * @param variables the profile's variables; each pipeline gets its own on top
     *     ({@link io.shopstream.variables.PipelineVariables#forPipeline}), the sources those of {@code jobId}
     */
    public PlannedPipeline planTogether(TableEnvironment environment, PipelineId jobId, List<PipelineFile> pipelines,
            Variables variables) {
        TableDefinitions definitions = new TableDefinitions();
        createSources(environment, PipelineVariables.forPipeline(jobId, variables), definitions);
        StatementSet statementSet = environment.createStatementSet();
        List<ResolvedStatement> inserts = new ArrayList<>();
        List<SinkTable> sinks = new ArrayList<>();
        for (PipelineFile pipeline : pipelines) {
            PipelineStatements added = addPipeline(environment, statementSet, pipeline,
                    PipelineVariables.forPipeline(pipeline.id(), variables), definitions);
            inserts.addAll(added.inserts());
            sinks.addAll(added.sinks());
            List<String> created = new ArrayList<>(added.createdTables().keySet());
            Collections.reverse(created);
            for (String table : created) {
                drop(environment, table, StatementKind.of(added.createdTables().get(table)));
            }
        }
        return new PlannedPipeline(jobId, environment, statementSet, sinks, inserts, definitions, Optional.empty());
    }

    private record PipelineStatements(List<ResolvedStatement> inserts, List<SinkTable> sinks,
            Map<String, Statement> createdTables) {}

    /** Drops what a pipeline created, temporary or not, so the next pipeline of the job may use the same names. */
    private static void drop(TableEnvironment environment, String name, StatementKind kind) {
        boolean view = kind == StatementKind.CREATE_VIEW;
        boolean droppedTemporary = view ? environment.dropTemporaryView(name) : environment.dropTemporaryTable(name);
        if (!droppedTemporary) {
            environment.executeSql((view ? "DROP VIEW `" : "DROP TABLE `") + name + "`");
        }
    }

    /** Runs a pipeline file's statements in {@code environment}, its INSERTs into {@code statementSet}. */
    private PipelineStatements addPipeline(TableEnvironment environment, StatementSet statementSet,
            PipelineFile pipeline, Variables variables, TableDefinitions definitions) {
        List<ResolvedStatement> inserts = new ArrayList<>();
        List<SinkTable> sinks = new ArrayList<>();
        Map<String, Statement> createdTables = new LinkedHashMap<>();
        for (Statement statement : split(pipeline.script())) {
            StatementKind kind = StatementKind.of(statement);
            switch (kind) {
                case SET:
                    applySet(environment, statement, variables);
                    break;
                case CREATE_FUNCTION:
                case CREATE_VIEW:
                case CREATE_TABLE:
                    for (String table : execute(environment, statement, variables, definitions)) {
                        createdTables.put(table, statement);
                    }
                    break;
                case INSERT:
                    inserts.add(addInsert(environment, statementSet, statement, variables, createdTables, sinks,
                            definitions));
                    break;
                case STATEMENT_SET:
                    for (Statement insert : StatementSplitter.innerStatements(statement)) {
                        inserts.add(addInsert(environment, statementSet, insert, variables, createdTables, sinks,
                                definitions));
                    }
                    break;
                default:
                    throw problemAt(statement, "a pipeline holds CREATE, SET and INSERT statements only, not "
                            + describe(statement) + " (a pipeline's INSERTs always run together as one job)");
            }
        }
        if (inserts.isEmpty()) {
            throw new SqlProblemException(new SqlProblem(pipeline.script().name(),
                    pipeline.script().positionOf(pipeline.script().text().length()),
                    "pipeline " + pipeline.id() + " has no INSERT: nothing would run"));
        }
        List<SqlProblem> violations = SinkRules.check(sinks, variables, JobSettings.checkpointInterval(variables));
        if (!violations.isEmpty()) {
            throw new SqlProblemException(violations);
        }
        return new PipelineStatements(inserts, sinks, createdTables);
    }

    /** Creates the bundle's functions and source tables and views in {@code environment}. */
    private void createSources(TableEnvironment environment, Variables variables, TableDefinitions definitions) {
        List<Statement> statements = new ArrayList<>();
        bundle.functions().ifPresent(functions -> {
            for (Statement statement : split(functions)) {
                if (StatementKind.of(statement) != StatementKind.CREATE_FUNCTION) {
                    throw problemAt(statement, "functions.sql holds CREATE FUNCTION statements only, not "
                            + describe(statement));
                }
                statements.add(statement);
            }
        });
        List<Statement> sourceStatements = new ArrayList<>();
        for (SqlScript source : bundle.sources()) {
            for (Statement statement : split(source)) {
                StatementKind kind = StatementKind.of(statement);
                if (kind != StatementKind.CREATE_TABLE && kind != StatementKind.CREATE_VIEW
                        && kind != StatementKind.CREATE_FUNCTION) {
                    throw problemAt(statement, "sources hold CREATE TABLE and CREATE VIEW statements only, not "
                            + describe(statement) + "; INSERTs belong in pipelines/");
                }
                sourceStatements.add(statement);
            }
        }
        sourceStatements.sort(Comparator.comparingInt(statement -> StatementKind.of(statement).sourceOrder()));
        statements.addAll(sourceStatements);
        for (Statement statement : statements) {
            execute(environment, statement, variables, definitions);
        }
    }

    /**
     * Runs a planning step that concerns the pipeline's INSERTs as a whole; its errors point at the table they are
     * about, else at the first INSERT.
     */
    static <T> T atInserts(List<ResolvedStatement> inserts, TableDefinitions definitions, Supplier<T> step) {
        try {
            return step.get();
        } catch (SqlProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SqlProblemException(definitions.translate(e, inserts.get(0)));
        }
    }

    /** Adds an INSERT to the statement set and records the table it writes. */
    private ResolvedStatement addInsert(TableEnvironment environment, StatementSet statementSet, Statement insert,
            Variables variables, Map<String, Statement> createdTables, List<SinkTable> sinks,
            TableDefinitions definitions) {
        ResolvedStatement resolved = resolve(insert, variables);
        try {
            statementSet.addInsertSql(resolved.text());
            List<Operation> operations = ((TableEnvironmentInternal) environment).getParser().parse(resolved.text());
            SinkModifyOperation sink = (SinkModifyOperation) operations.get(0);
            String name = sink.getContextResolvedTable().getIdentifier().getObjectName();
            ResolvedCatalogBaseTable<?> table = sink.getContextResolvedTable().getResolvedTable();
            ResolvedSchema schema = table.getResolvedSchema();
            List<SinkTable.Column> columns = schema.getColumns().stream()
                    .filter(Column::isPersisted)
                    .map(column -> new SinkTable.Column(column.getName(),
                            column.getDataType().getLogicalType().getTypeRoot().name()))
                    .toList();
            List<String> primaryKey = schema.getPrimaryKey().map(UniqueConstraint::getColumns).orElse(List.of());
            sinks.add(new SinkTable(name, table.getOptions(), columns, primaryKey,
                    Optional.ofNullable(createdTables.get(name)), insert));
            return resolved;
        } catch (RuntimeException e) {
            throw new SqlProblemException(definitions.translate(e, resolved));
        }
    }

    /**
     * {@code SET 'key' = 'value';} sets a configuration option of this pipeline's job only (TableEnvironment's
     * executeSql does not take SET: only the SQL client does).
     */
    private static void applySet(TableEnvironment environment, Statement statement, Variables variables) {
        ResolvedStatement resolved = resolve(statement, variables);
        Matcher matcher = SET_STATEMENT.matcher(resolved.text());
        if (!matcher.matches()) {
            throw problemAt(statement, "write SET as SET 'option.key' = 'value' (both quoted)");
        }
        String key = matcher.group(1).replace("''", "'");
        String value = matcher.group(2).replace("''", "'");
        try {
            environment.getConfig().getConfiguration().setString(key, value);
        } catch (RuntimeException e) {
            throw new SqlProblemException(SqlErrorTranslator.translate(e, resolved));
        }
    }

    /** Executes a CREATE statement and returns the tables it created. */
    private static List<String> execute(TableEnvironment environment, Statement statement, Variables variables,
            TableDefinitions definitions) {
        ResolvedStatement resolved = resolve(statement, variables);
        Set<String> before = new HashSet<>(List.of(environment.listTables()));
        try {
            environment.executeSql(resolved.text());
        } catch (RuntimeException e) {
            throw new SqlProblemException(definitions.translate(e, resolved));
        }
        List<String> created = new ArrayList<>();
        for (String table : environment.listTables()) {
            if (!before.contains(table)) {
                created.add(table);
                definitions.define(table, resolved);
                addCredentials(environment, table, resolved, variables);
            }
        }
        return created;
    }

    /**
     * Adds the profile's connection security and credentials to a table just created ({@link ConnectorCredentials}):
     * into its catalog entry, never into SQL text, so no printed statement and no compiled plan (which names tables
     * by schema only) holds a secret. A table whose SQL states a credential itself is refused.
     */
    private static void addCredentials(TableEnvironment environment, String table, ResolvedStatement createdBy,
            Variables variables) {
        Catalog catalog = environment.getCatalog(environment.getCurrentCatalog()).orElseThrow();
        ObjectPath path = new ObjectPath(environment.getCurrentDatabase(), table);
        CatalogBaseTable entry;
        try {
            entry = catalog.getTable(path);
        } catch (TableNotExistException e) {
            return; // A temporary table: the bundle creates none.
        }
        if (!(entry instanceof CatalogTable catalogTable)) {
            return;
        }
        Optional<String> stated = ConnectorCredentials.credentialStatedInSql(catalogTable.getOptions());
        if (stated.isPresent()) {
            int at = createdBy.statement().text().indexOf("'" + stated.get() + "'");
            throw new SqlProblemException(new SqlProblem(createdBy.statement().script().name(),
                    at >= 0 ? createdBy.statement().positionOf(at) : createdBy.statement().position(),
                    "option '" + stated.get() + "' holds a credential, and SQL files never do: remove it; the"
                            + " launcher adds credentials to every Kafka and MySQL table from secrets the profile"
                            + " names (README: Secrets)"));
        }
        Map<String, String> credentials = ConnectorCredentials.optionsFor(catalogTable.getOptions(), variables);
        if (credentials.isEmpty()) {
            return;
        }
        Map<String, String> options = new LinkedHashMap<>(catalogTable.getOptions());
        options.putAll(credentials);
        try {
            catalog.alterTable(path, catalogTable.copy(options), false);
        } catch (TableNotExistException e) {
            throw new IllegalStateException("table " + table + " vanished while the launcher configured it", e);
        }
    }

    private static ResolvedStatement resolve(Statement statement, Variables variables) {
        try {
            return VariableResolver.resolve(statement, variables);
        } catch (UnresolvedVariableException e) {
            throw new SqlProblemException(e.problems().stream()
                    .map(p -> new SqlProblem(p.file(), p.position(), p.message()))
                    .toList());
        }
    }

    private static List<Statement> split(SqlScript script) {
        try {
            return StatementSplitter.split(script);
        } catch (SqlSyntaxException e) {
            throw new SqlProblemException(new SqlProblem(e.script().name(), e.position(), e.getMessage()));
        }
    }

    private static SqlProblemException problemAt(Statement statement, String message) {
        return new SqlProblemException(new SqlProblem(statement.script().name(), statement.position(), message));
    }

    private static String describe(Statement statement) {
        List<String> words = statement.leadingWords();
        return words.isEmpty() ? "this statement" : String.join(" ", words.subList(0, Math.min(2, words.size())));
    }
}
