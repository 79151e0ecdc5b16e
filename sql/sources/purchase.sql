-- purchase: a shopper bought a product; one event per order line.
-- One row per event of topic ${TOPIC_PREFIX}purchase (JSON, keyed by session_id). event_time is the instant
-- event_timestamp names, whatever its zone offset. Watermarks trail the newest event_time by ${WATERMARK_DELAY}
-- seconds; a partition silent for ${SOURCE_IDLE_TIMEOUT} stops holding them back.
-- Money is DECIMAL(12, 2), so sums stay exact.
CREATE TABLE purchase (
  event_id         STRING,
  event_type       STRING,
  event_timestamp  STRING,
  user_id          STRING,
  session_id       STRING,
  device_type      STRING,
  os               STRING,
  browser          STRING,
  location         STRING,
  product_id       STRING,
  product_name     STRING,
  product_category STRING,
  price            DECIMAL(12, 2),
  quantity         INT,
  total_amount     DECIMAL(12, 2),
  order_id         STRING,
  event_time       AS PARSE_EVENT_TIME(event_timestamp),
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY}' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${TOPIC_PREFIX}purchase',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.group.id' = '${CONSUMER_GROUP}',
  'properties.client.id.prefix' = '${CONSUMER_GROUP}.purchase',
  'properties.auto.offset.reset' = 'earliest',
  'scan.startup.mode' = '${SCAN_STARTUP_MODE}',
  'scan.bounded.mode' = '${SCAN_BOUNDED_MODE}',
  'scan.watermark.idle-timeout' = '${SOURCE_IDLE_TIMEOUT}',
  'format' = 'json'
);
