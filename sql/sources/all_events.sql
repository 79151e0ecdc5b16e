-- all_events: the valid events of the four source topics as one stream, for metrics over every kind of event.
-- Each record is parsed once (PARSE_EVENT); a record that is not an event of the contract is not here but in
-- malformed_events. Columns a type lacks are NULL; source_topic, source_partition and source_offset say where each
-- event was read. event_time stays the event-time attribute: a window over this view closes when the slowest of the
-- four sources' watermarks passes its end.
CREATE VIEW all_events AS
SELECT e.event_id, e.event_type, event_time, e.user_id, e.session_id, e.device_type, e.os, e.browser, e.location,
       CAST(NULL AS STRING) AS product_id, CAST(NULL AS STRING) AS product_name,
       CAST(NULL AS STRING) AS product_category, CAST(NULL AS DECIMAL(12, 2)) AS price,
       CAST(NULL AS INT) AS quantity, CAST(NULL AS DECIMAL(12, 2)) AS total_amount,
       CAST(NULL AS STRING) AS order_id, source_topic, source_partition, source_offset
FROM page_view, LATERAL TABLE(PARSE_EVENT(payload, 'page_view')) AS e
WHERE e.reason IS NULL AND event_time IS NOT NULL
UNION ALL
SELECT e.event_id, e.event_type, event_time, e.user_id, e.session_id, e.device_type, e.os, e.browser, e.location,
       e.product_id, e.product_name, e.product_category, e.price,
       CAST(NULL AS INT) AS quantity, CAST(NULL AS DECIMAL(12, 2)) AS total_amount,
       CAST(NULL AS STRING) AS order_id, source_topic, source_partition, source_offset
FROM product_view, LATERAL TABLE(PARSE_EVENT(payload, 'product_view')) AS e
WHERE e.reason IS NULL AND event_time IS NOT NULL
UNION ALL
SELECT e.event_id, e.event_type, event_time, e.user_id, e.session_id, e.device_type, e.os, e.browser, e.location,
       e.product_id, e.product_name, e.product_category, e.price,
       e.quantity, CAST(NULL AS DECIMAL(12, 2)) AS total_amount,
       CAST(NULL AS STRING) AS order_id, source_topic, source_partition, source_offset
FROM add_to_cart, LATERAL TABLE(PARSE_EVENT(payload, 'add_to_cart')) AS e
WHERE e.reason IS NULL AND event_time IS NOT NULL
UNION ALL
SELECT e.event_id, e.event_type, event_time, e.user_id, e.session_id, e.device_type, e.os, e.browser, e.location,
       e.product_id, e.product_name, e.product_category, e.price,
       e.quantity, e.total_amount,
       e.order_id, source_topic, source_partition, source_offset
FROM purchase, LATERAL TABLE(PARSE_EVENT(payload, 'purchase')) AS e
WHERE e.reason IS NULL AND event_time IS NOT NULL;

-- on_time_events_1m and late_events_1m: all_events split by whether the 1-minute tumbling window an event belongs to
-- is still open, as this job's watermark stands when the event is read. A window operator drops an event once the
-- watermark has reached its window's last millisecond (window end - 1 ms); here that is decided before the window,
-- by an operator whose watermark is never behind the window operator's, so every event of on_time_events_1m is
-- counted by the windows and every other one is in late_events_1m: each event exactly once, whatever the parallelism.
CREATE VIEW on_time_events_1m AS
SELECT *
FROM all_events
WHERE CURRENT_WATERMARK(event_time) IS NULL
   OR EPOCH_MILLIS(CURRENT_WATERMARK(event_time))
      < EPOCH_MILLIS(event_time) - MOD(EPOCH_MILLIS(event_time), 60000) + 59999;

CREATE VIEW late_events_1m AS
SELECT *,
       EPOCH_MILLIS(CURRENT_WATERMARK(event_time))                        AS watermark_time,
       EPOCH_MILLIS(event_time) - MOD(EPOCH_MILLIS(event_time), 60000)    AS window_start
FROM all_events
WHERE EPOCH_MILLIS(CURRENT_WATERMARK(event_time))
      >= EPOCH_MILLIS(event_time) - MOD(EPOCH_MILLIS(event_time), 60000) + 59999;
