-- dead_letters: every record of the source topics that is not an event of the input contract, with why and where
-- it was read, so nothing is dropped in silence and a producer's bug can be found and replayed.
-- Grain: one row per malformed source record (however many pipelines read it: this is the only job that writes
--        them), in the order read.
-- Key:   source_topic, source_partition, source_offset (unique per record).
-- Reason: not_json, missing_field, wrong_type, bad_timestamp, timestamp_out_of_range, unknown_event_type or
--        wrong_topic; detail says what exactly (the field, the value). payload is the record as UTF-8 text (NULL
--        when it is not UTF-8), payload_base64 its exact bytes.
-- Output: ${TOPIC_PREFIX}dead_letters, insert-only JSON.

CREATE TABLE dead_letters (
  source_topic     STRING,
  source_partition INT,
  source_offset    BIGINT,
  reason           STRING,
  detail           STRING,
  payload          STRING,
  payload_base64   STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${TOPIC_PREFIX}dead_letters',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '${KAFKA_TRANSACTION_TIMEOUT_MS}',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${TRANSACTIONAL_ID_PREFIX}',
  'format' = 'json'
);

INSERT INTO dead_letters
SELECT
  source_topic,
  source_partition,
  source_offset,
  reason,
  detail,
  PAYLOAD_TEXT(payload)   AS payload,
  PAYLOAD_BASE64(payload) AS payload_base64
FROM malformed_events;
