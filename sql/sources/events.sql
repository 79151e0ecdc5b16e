-- events: every record of the four source topics, ${TOPIC_PREFIX}page_view, ${TOPIC_PREFIX}product_view,
-- ${TOPIC_PREFIX}add_to_cart and ${TOPIC_PREFIX}purchase (keyed by session_id): its raw bytes and where it came from.
-- The record is parsed once, by PARSE_EVENT in the all_events view (its columns) and the malformed_events view (a
-- dead letter when it is not an event of the contract). event_time is the instant event_timestamp names, whatever
-- its zone offset, for a valid event only: NULL for a malformed record, so garbage never moves the watermark.
-- Watermarks trail the newest event_time by ${WATERMARK_DELAY} seconds, per partition; a partition silent for
-- ${SOURCE_IDLE_TIMEOUT} stops holding them back.
-- One table for the four topics, not one each: a job then has one source and one watermark, which the operator that
-- tells late events from on-time ones (late_events_1m) and the window operators see alike, so every event is either
-- counted by a window or reported late, never neither (a UNION of four sources gives each of its inputs a watermark
-- of its own).
CREATE TABLE events (
  payload          BYTES,
  source_topic     STRING METADATA FROM 'topic' VIRTUAL,
  source_partition INT    METADATA FROM 'partition' VIRTUAL,
  source_offset    BIGINT METADATA FROM 'offset' VIRTUAL,
  event_time       AS EVENT_TIME(payload),
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
  'format' = 'raw'
);
