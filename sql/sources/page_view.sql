-- page_view: a shopper opened a page.
-- One row per event of topic ${TOPIC_PREFIX}page_view (JSON, keyed by session_id). event_time is the instant
-- event_timestamp names, whatever its zone offset. Watermarks trail the newest event_time by ${WATERMARK_DELAY}
-- seconds; a partition silent for ${SOURCE_IDLE_TIMEOUT} stops holding them back.
CREATE TABLE page_view (
  event_id        STRING,
  event_type      STRING,
  event_timestamp STRING,
  user_id         STRING,
  session_id      STRING,
  device_type     STRING,
  os              STRING,
  browser         STRING,
  location        STRING,
  page_url        STRING,
  referrer_url    STRING,
  time_spent      DOUBLE,
  event_time      AS PARSE_EVENT_TIME(event_timestamp),
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY}' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${TOPIC_PREFIX}page_view',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.group.id' = '${CONSUMER_GROUP}',
  'properties.client.id.prefix' = '${CONSUMER_GROUP}.page_view',
  'properties.auto.offset.reset' = 'earliest',
  'scan.startup.mode' = '${SCAN_STARTUP_MODE}',
  'scan.bounded.mode' = '${SCAN_BOUNDED_MODE}',
  'scan.watermark.idle-timeout' = '${SOURCE_IDLE_TIMEOUT}',
  'format' = 'json'
);
