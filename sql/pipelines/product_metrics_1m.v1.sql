-- product_metrics_1m: what happened to each product each minute: views, add-to-carts and units carted, purchases,
-- units sold and revenue (the sum of the purchases' total_amount).
-- Grain: one row per 1-minute tumbling window of event time (UTC minutes) and product with at least one product
--        event in it, emitted once, when the watermark passes the window's end.
-- Key:   window_start, product_id. Name and category come from the events (the greatest, should they disagree).
-- Late:  an event whose window had closed when it arrived (late_events_1m) is not counted but written to
--        ${TOPIC_PREFIX}late_events with this pipeline's name and how late it was.
-- Output: ${OUTPUT_TOPIC}, insert-only JSON; window bounds in epoch milliseconds, revenue exact to the cent.

CREATE TABLE product_metrics_1m (
  window_start     BIGINT,
  window_end       BIGINT,
  product_id       STRING,
  product_name     STRING,
  product_category STRING,
  `views`          BIGINT,
  add_to_carts     BIGINT,
  units_added      BIGINT,
  purchases        BIGINT,
  units_sold       BIGINT,
  revenue          DECIMAL(18, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = '${OUTPUT_TOPIC}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}',
  'format' = 'json',
  'json.encode.decimal-as-plain-number' = 'true'
);

INSERT INTO product_metrics_1m
SELECT
  EPOCH_MILLIS(window_start)                                                   AS window_start,
  EPOCH_MILLIS(window_end)                                                     AS window_end,
  product_id,
  MAX(product_name)                                                            AS product_name,
  MAX(product_category)                                                        AS product_category,
  COUNT(*) FILTER (WHERE event_type = 'product_view')                          AS `views`,
  COUNT(*) FILTER (WHERE event_type = 'add_to_cart')                           AS add_to_carts,
  COALESCE(SUM(CAST(quantity AS BIGINT)) FILTER (WHERE event_type = 'add_to_cart'), 0) AS units_added,
  COUNT(*) FILTER (WHERE event_type = 'purchase')                              AS purchases,
  COALESCE(SUM(CAST(quantity AS BIGINT)) FILTER (WHERE event_type = 'purchase'), 0)    AS units_sold,
  CAST(COALESCE(SUM(total_amount) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2)) AS revenue
FROM TABLE(TUMBLE(TABLE on_time_events_1m, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
WHERE event_type IN ('product_view', 'add_to_cart', 'purchase') AND product_id IS NOT NULL
GROUP BY window_start, window_end, product_id;

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
