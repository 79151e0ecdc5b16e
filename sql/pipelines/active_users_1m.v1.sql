-- active_users_1m: how many distinct shoppers did anything (viewed a page or a product, carted, bought) each minute.
-- Grain: one row per 1-minute tumbling window of event time (UTC minutes), emitted once, when the watermark passes
--        the window's end.
-- Key:   window_start.
-- Late:  an event whose window had closed when it arrived (late_events_1m) is not counted but written to
--        ${TOPIC_PREFIX}late_events with this pipeline's name and how late it was.
-- Output: ${OUTPUT_TOPIC}, insert-only JSON; window bounds in epoch milliseconds.

CREATE TABLE active_users_1m (
  window_start BIGINT,
  window_end   BIGINT,
  active_users BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${OUTPUT_TOPIC}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}',
  'format' = 'json'
);

INSERT INTO active_users_1m
SELECT
  EPOCH_MILLIS(window_start) AS window_start,
  EPOCH_MILLIS(window_end)   AS window_end,
  COUNT(DISTINCT user_id)    AS active_users
FROM TABLE(TUMBLE(TABLE on_time_events_1m, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;

-- Events behind the watermark, which the windows above no longer take: one record each, in the topic every
-- windowed pipeline shares, naming this pipeline (lateness depends on each job's own watermark).
CREATE TABLE late_events (
  pipeline         STRING,
  event_id         STRING,
  event_type       STRING,
  session_id       STRING,
  event_time       BIGINT,
  window_start     BIGINT,
  watermark_time   BIGINT,
  late_by_ms       BIGINT,
  source_topic     STRING,
  source_partition INT,
  source_offset    BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = '${TOPIC_PREFIX}late_events',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}.late',
  'format' = 'json'
);

INSERT INTO late_events
SELECT
  '${PIPELINE}.v${PIPELINE_VERSION}'    AS pipeline,
  event_id,
  event_type,
  session_id,
  EPOCH_MILLIS(event_time)              AS event_time,
  window_start,
  watermark_time,
  watermark_time - EPOCH_MILLIS(event_time) AS late_by_ms,
  source_topic,
  source_partition,
  source_offset
FROM late_events_1m;
