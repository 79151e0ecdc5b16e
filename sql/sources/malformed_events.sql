-- malformed_events: every record of the four source topics that is not an event of the input contract (not JSON,
-- wrong types, a required field missing, a timestamp that does not parse or is out of range, an unknown event_type),
-- with the reason and where it was read. The dead_letters pipeline writes them.
CREATE VIEW malformed_events AS
SELECT source_topic, source_partition, source_offset, reason, detail, payload
FROM events
WHERE reason IS NOT NULL;
