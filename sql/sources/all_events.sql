-- all_events: the valid events of the four source topics as one stream; a record that is not an event of the
-- contract is not here but in malformed_events. Columns an event's type does not have are NULL; source_topic,
-- source_partition and source_offset say where it was read. event_time is the event-time attribute of the events
-- table.
CREATE VIEW all_events AS
SELECT event_id, event_type, event_time, user_id, session_id, device_type, os, browser, location,
       product_id, product_name, product_category, price, quantity, total_amount, order_id,
       source_topic, source_partition, source_offset
FROM events
WHERE reason IS NULL;

-- on_time_events_1m and late_events_1m: all_events split by whether the 1-minute tumbling window an event belongs to
-- is still open, as this job's watermark stands when the event is read. A window operator drops an event once the
-- watermark has reached its window's last millisecond (window end - 1 ms); here that is decided before the window,
-- in the same task, with the same watermark as the window operator (one source, parallelism 1): every event of
-- on_time_events_1m is counted by the windows and every other one is in late_events_1m, each event exactly once.
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
