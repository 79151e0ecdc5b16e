-- malformed_events: every record of the four source topics that is not an event of the input contract (not JSON,
-- wrong types, a required field missing, a timestamp that does not parse or is out of range, an unknown event_type,
-- an event on another type's topic), with the reason and where it was read. The dead_letters pipeline writes them.
CREATE VIEW malformed_events AS
SELECT source_topic, source_partition, source_offset, m.reason, m.detail, payload
FROM page_view, LATERAL TABLE(PARSE_EVENT(payload, 'page_view')) AS m
WHERE m.reason IS NOT NULL
UNION ALL
SELECT source_topic, source_partition, source_offset, m.reason, m.detail, payload
FROM product_view, LATERAL TABLE(PARSE_EVENT(payload, 'product_view')) AS m
WHERE m.reason IS NOT NULL
UNION ALL
SELECT source_topic, source_partition, source_offset, m.reason, m.detail, payload
FROM add_to_cart, LATERAL TABLE(PARSE_EVENT(payload, 'add_to_cart')) AS m
WHERE m.reason IS NOT NULL
UNION ALL
SELECT source_topic, source_partition, source_offset, m.reason, m.detail, payload
FROM purchase, LATERAL TABLE(PARSE_EVENT(payload, 'purchase')) AS m
WHERE m.reason IS NOT NULL;
