-- bench_naive: the three metrics written the obvious way, for `bench` to compare the shipped pipelines with: the
-- same columns, one job. One topic holding every event as JSON (${TOPIC_PREFIX}bench_raw_events, Flink's json
-- format: no dead letters, no event-time column), no watermarks, no windows: unbounded GROUP BY on the event's
-- minute for active users and products, on session_id for sessions, all state kept forever (no TTL), results
-- upserted to Kafka (exactly once, as every sink of the bundle must), no tuning.
-- Grain/key: minute; minute and product_id; session_id.
-- Output: ${TOPIC_PREFIX}bench_naive_active_users, ..._products, ..._sessions (upsert-kafka, JSON).

-- Flink's default, where the bundle's jobs pass rows between chained operators without copying them.
SET 'pipeline.object-reuse' = 'false';

CREATE TABLE bench_raw_events (
  event_id         STRING,
  event_type       STRING,
  event_timestamp  STRING,
  user_id          STRING,
  session_id       STRING,
  product_id       STRING,
  product_name     STRING,
  product_category STRING,
  quantity         INT,
  total_amount     DECIMAL(12, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = '${TOPIC_PREFIX}bench_raw_events',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.group.id' = '${CONSUMER_GROUP}',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = '${SCAN_BOUNDED_MODE}',
  'format' = 'json'
);

CREATE TABLE bench_naive_active_users (
  `minute`     BIGINT,
  active_users BIGINT,
  PRIMARY KEY (`minute`) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${TOPIC_PREFIX}bench_naive_active_users',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}.active_users',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE bench_naive_products (
  `minute`         BIGINT,
  product_id       STRING,
  product_name     STRING,
  product_category STRING,
  `views`          BIGINT,
  add_to_carts     BIGINT,
  units_added      BIGINT,
  purchases        BIGINT,
  units_sold       BIGINT,
  revenue          DECIMAL(18, 2),
  PRIMARY KEY (`minute`, product_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${TOPIC_PREFIX}bench_naive_products',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}.products',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE bench_naive_sessions (
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
  'topic' = '${TOPIC_PREFIX}bench_naive_sessions',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}.sessions',
  'key.format' = 'json',
  'value.format' = 'json'
);

EXECUTE STATEMENT SET
BEGIN

INSERT INTO bench_naive_active_users
SELECT EPOCH_MILLIS(PARSE_EVENT_TIME(event_timestamp)) / 60000 * 60000, COUNT(DISTINCT user_id)
FROM bench_raw_events
GROUP BY EPOCH_MILLIS(PARSE_EVENT_TIME(event_timestamp)) / 60000 * 60000;

INSERT INTO bench_naive_products
SELECT
  EPOCH_MILLIS(PARSE_EVENT_TIME(event_timestamp)) / 60000 * 60000,
  product_id,
  MAX(product_name),
  MAX(product_category),
  COUNT(*) FILTER (WHERE event_type = 'product_view'),
  COUNT(*) FILTER (WHERE event_type = 'add_to_cart'),
  SUM(CAST(quantity AS BIGINT)) FILTER (WHERE event_type = 'add_to_cart'),
  COUNT(*) FILTER (WHERE event_type = 'purchase'),
  SUM(CAST(quantity AS BIGINT)) FILTER (WHERE event_type = 'purchase'),
  SUM(total_amount) FILTER (WHERE event_type = 'purchase')
FROM bench_raw_events
WHERE product_id IS NOT NULL
GROUP BY EPOCH_MILLIS(PARSE_EVENT_TIME(event_timestamp)) / 60000 * 60000, product_id;

INSERT INTO bench_naive_sessions
SELECT
  session_id,
  MAX(user_id),
  COUNT(*),
  COUNT(*) FILTER (WHERE event_type = 'page_view'),
  COUNT(*) FILTER (WHERE event_type = 'product_view'),
  COUNT(*) FILTER (WHERE event_type = 'add_to_cart'),
  COUNT(*) FILTER (WHERE event_type = 'purchase'),
  COUNT(DISTINCT product_id) FILTER (WHERE event_type = 'product_view'),
  COUNT(DISTINCT product_id) FILTER (WHERE event_type = 'add_to_cart'),
  SUM(total_amount) FILTER (WHERE event_type = 'purchase'),
  MIN(EPOCH_MILLIS(PARSE_EVENT_TIME(event_timestamp))),
  MAX(EPOCH_MILLIS(PARSE_EVENT_TIME(event_timestamp))),
  COUNT(*) FILTER (WHERE event_type = 'purchase') > 0
FROM bench_raw_events
GROUP BY session_id;

END;
