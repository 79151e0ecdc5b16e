package io.shopstream.bundle;

import io.shopstream.sql.SqlScript;

/** A pipeline's SQL file with the id its name carries. */
public record PipelineFile(PipelineId id, SqlScript script) {}
