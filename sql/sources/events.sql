-- events: every record of the four source topics, ${TOPIC_PREFIX}page_view, ${TOPIC_PREFIX}product_view,
-- ${TOPIC_PREFIX}add_to_cart and ${TOPIC_PREFIX}purchase (keyed by session_id), read once against the input contract
-- by the shopstream-event format (udfs EventFormatFactory) as the connector reads it: an event fills its columns and
-- has a NULL reason; any other record has its reason (not_json, missing_field, ...), a detail and its exact bytes
-- (payload), and NULL event_time, so garbage never moves the watermark. all_events and malformed_events split them.
-- Watermarks trail the newest event_time by ${WATERMARK_DELAY} seconds, per partition; a partition silent for
-- ${SOURCE_IDLE_TIMEOUT} stops holding them back.
-- One table for the four topics, not one each: a job then has one source and one watermark, which the operator that
-- tells late events from on-time ones (late_events_1m) and the window operators see alike, so every event is either
-- counted by a window or reported late, never neither (a UNION of four sources gives each of its inputs a watermark
-- of its own). Parsing in the format, not in a function of the views, lets pipelines that run as one job share the
-- scan and parse of every record.
CREATE TABLE events (
  reason           STRING,
  detail           STRING,
  payload          BYTES,
  event_id         STRING,
  event_type       STRING,
  event_time       TIMESTAMP_LTZ(3),
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
  source_topic     STRING METADATA FROM 'topic' VIRTUAL,
  source_partition INT    METADATA FROM 'partition' VIRTUAL,
  source_offset    BIGINT METADATA FROM 'offset' VIRTUAL,
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY}' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${TOPIC_PREFIX}page_view;${TOPIC_PREFIX}product_view;${TOPIC_PREFIX}add_to_cart;${TOPIC_PREFIX}purchase',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.group.id' = '${CONSUMER_GROUP}',
  'properties.client.id.prefix' = '${CONSUMER_GROUP}.events',
  'properties.auto.offset.reset' = 'earliest',
  'scan.startup.mode' = '${SCAN_STARTUP_MODE}',
  'scan.bounded.mode' = '${SCAN_BOUNDED_MODE}',
  'scan.watermark.idle-timeout' = '${SOURCE_IDLE_TIMEOUT}',
  'format' = 'shopstream-event'
);
