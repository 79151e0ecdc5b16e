-- Functions every source and pipeline may call; their Java code and tests live in udfs/.

-- PARSE_EVENT_TIME(event_timestamp): the instant an ISO-8601 timestamp with any zone offset names, as
-- TIMESTAMP_LTZ(3); NULL when it does not parse.
CREATE TEMPORARY SYSTEM FUNCTION parse_event_time AS 'io.shopstream.udfs.ParseEventTime' LANGUAGE JAVA;

-- EPOCH_MILLIS(ts): milliseconds since the epoch, the time type Pinot ingests; a TIMESTAMP is read as UTC.
CREATE TEMPORARY SYSTEM FUNCTION epoch_millis AS 'io.shopstream.udfs.EpochMillis' LANGUAGE JAVA;

-- PAYLOAD_TEXT(payload): a record's bytes as UTF-8 text, NULL when they are not UTF-8. PAYLOAD_BASE64(payload):
-- the bytes exactly, in Base64.
CREATE TEMPORARY SYSTEM FUNCTION payload_text AS 'io.shopstream.udfs.PayloadText' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION payload_base64 AS 'io.shopstream.udfs.PayloadBase64' LANGUAGE JAVA;

-- DISTINCT_VALUES(x): a group's distinct strings, sorted, as ARRAY<STRING> (empty for none).
-- COUNT_DISTINCT_ELEMENTS(values): how many distinct strings a group's ARRAY<STRING> values hold between them.
-- Together they count x distinct per key from partial results per window. Insert-only input.
CREATE TEMPORARY SYSTEM FUNCTION distinct_values AS 'io.shopstream.udfs.DistinctValues' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION count_distinct_elements AS 'io.shopstream.udfs.CountDistinctElements' LANGUAGE JAVA;
