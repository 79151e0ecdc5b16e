-- active_users_1m: how many distinct shoppers did anything (viewed a page or a product, carted, bought) each minute.
-- Grain: one row per 1-minute tumbling window of event time (UTC minutes), emitted once, when the watermark passes
--        the window's end.
-- Key:   window_start.
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
FROM TABLE(TUMBLE(TABLE all_events, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
