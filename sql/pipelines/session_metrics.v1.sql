-- session_metrics: one summary per shopping session: how many events of each kind, how many distinct products were
-- viewed and carted, revenue, first and last event time, and whether the session converted (bought anything).
-- Grain: one row per session, revised with every event of the session (an upsert stream, not windows).
-- Key:   session_id (the Kafka record key; Pinot's upsert table uses the same primary key).
-- State: a session's state expires ${SESSION_STATE_TTL} after its last event, so finished sessions do not pile up.
-- Output: ${OUTPUT_TOPIC}, upsert JSON; times in epoch milliseconds, revenue exact to the cent.

SET 'table.exec.state.ttl' = '${SESSION_STATE_TTL}';

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

INSERT INTO session_metrics
SELECT
  session_id,
  MAX(user_id)                                                                 AS user_id,
  COUNT(*)                                                                     AS event_count,
  COUNT(*) FILTER (WHERE event_type = 'page_view')                             AS page_views,
  COUNT(*) FILTER (WHERE event_type = 'product_view')                          AS product_views,
  COUNT(*) FILTER (WHERE event_type = 'add_to_cart')                           AS add_to_carts,
  COUNT(*) FILTER (WHERE event_type = 'purchase')                              AS purchases,
  COUNT(DISTINCT product_id) FILTER (WHERE event_type = 'product_view')        AS distinct_products_viewed,
  COUNT(DISTINCT product_id) FILTER (WHERE event_type = 'add_to_cart')         AS distinct_products_carted,
  CAST(COALESCE(SUM(total_amount) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2)) AS revenue,
  EPOCH_MILLIS(MIN(event_time))                                                AS first_event_time,
  EPOCH_MILLIS(MAX(event_time))                                                AS last_event_time,
  COUNT(*) FILTER (WHERE event_type = 'purchase') > 0                          AS converted
FROM all_events
GROUP BY session_id;
