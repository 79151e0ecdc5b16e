-- session_metrics: one summary per shopping session: how many events of each kind, how many distinct products were
-- viewed and carted, revenue, first and last event time, and whether the session converted (bought anything).
-- Grain: one row per session, revised once for each minute of event time (UTC) in which the session had events,
--        when the watermark passes that minute's end: an upsert stream whose revisions are as final as windows.
-- Key:   session_id (the Kafka record key; Pinot's upsert table uses the same primary key).
-- How:   session_minutes sums each session's events per 1-minute tumbling window (the distinct products as sets);
--        the summary adds a session's minutes up, so its state is touched once a minute, not once an event.
--        The window aggregates in one phase: its operator already combines a session's events in memory before
--        it touches state, so v2's local pre-aggregation before the shuffle did that twice and converted the
--        product sets at every merge (README, Performance). In one job with other pipelines, theirs too.
-- State: a session's summary expires ${SESSION_STATE_TTL} after its last revision, so finished sessions do not pile up.
-- Late:  an event whose minute had closed when it arrived (late_events_1m) is not counted but written to
--        ${TOPIC_PREFIX}late_events with this pipeline's name and how late it was.
-- Output: ${OUTPUT_TOPIC}, upsert JSON; times in epoch milliseconds, revenue exact to the cent.

SET 'table.exec.state.ttl' = '${SESSION_STATE_TTL}';
SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';

CREATE TABLE session_metrics (
  session_id               STRING,
  user_id                  STRING,
  event_count              BIGINT,
  page_views               BIGINT,
  product_views            BIGINT,
  add_to_carts             BIGINT,
  purchases                BIGINT,
  distinct_products_viewed BIGINT,
  distinct_products_carted BIGINT,
  revenue                  DECIMAL(18, 2),
  first_event_time         BIGINT,
  last_event_time          BIGINT,
  converted                BOOLEAN,
  PRIMARY KEY (session_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${OUTPUT_TOPIC}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}',
  'key.format' = 'json',
  'value.format' = 'json',
  'value.json.encode.decimal-as-plain-number' = 'true'
);

-- What each session did in each minute: the partial results the summary adds up.
CREATE TEMPORARY VIEW session_minutes AS
SELECT
  session_id,
  window_start,
  MAX(user_id)                                                                 AS user_id,
  COUNT(*)                                                                     AS event_count,
  COUNT(*) FILTER (WHERE event_type = 'page_view')                             AS page_views,
  COUNT(*) FILTER (WHERE event_type = 'product_view')                          AS product_views,
  COUNT(*) FILTER (WHERE event_type = 'add_to_cart')                           AS add_to_carts,
  COUNT(*) FILTER (WHERE event_type = 'purchase')                              AS purchases,
  DISTINCT_VALUES(product_id) FILTER (WHERE event_type = 'product_view')       AS products_viewed,
  DISTINCT_VALUES(product_id) FILTER (WHERE event_type = 'add_to_cart')        AS products_carted,
  CAST(COALESCE(SUM(total_amount) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2)) AS revenue,
  MIN(event_time)                                                              AS first_event_time,
  MAX(event_time)                                                              AS last_event_time
FROM TABLE(TUMBLE(TABLE on_time_events_1m, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY session_id, window_start, window_end;

INSERT INTO session_metrics
SELECT
  session_id,
  MAX(user_id)                                         AS user_id,
  SUM(event_count)                                     AS event_count,
  SUM(page_views)                                      AS page_views,
  SUM(product_views)                                   AS product_views,
  SUM(add_to_carts)                                    AS add_to_carts,
  SUM(purchases)                                       AS purchases,
  COUNT_DISTINCT_ELEMENTS(products_viewed)             AS distinct_products_viewed,
  COUNT_DISTINCT_ELEMENTS(products_carted)             AS distinct_products_carted,
  CAST(SUM(revenue) AS DECIMAL(18, 2))                 AS revenue,
  EPOCH_MILLIS(MIN(first_event_time))                  AS first_event_time,
  EPOCH_MILLIS(MAX(last_event_time))                   AS last_event_time,
  SUM(purchases) > 0                                   AS converted
FROM session_minutes
GROUP BY session_id;

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
