-- Functions every source and pipeline may call; their Java code and tests live in udfs/.

-- PARSE_EVENT_TIME(event_timestamp): the instant an ISO-8601 timestamp with any zone offset names, as
-- TIMESTAMP_LTZ(3); NULL when it does not parse.
CREATE TEMPORARY SYSTEM FUNCTION parse_event_time AS 'io.shopstream.udfs.ParseEventTime' LANGUAGE JAVA;

-- EPOCH_MILLIS(ts): milliseconds since the epoch, the time type Pinot ingests; a TIMESTAMP is read as UTC.
CREATE TEMPORARY SYSTEM FUNCTION epoch_millis AS 'io.shopstream.udfs.EpochMillis' LANGUAGE JAVA;
