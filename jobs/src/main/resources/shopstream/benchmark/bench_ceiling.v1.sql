-- bench_ceiling: the ceiling `bench` measures the pipelines against: every record of the four source topics read as
-- the pipelines read it (the events table, each record parsed once by the shopstream-event format) and discarded.
-- Grain: none; nothing is kept.
-- Output: none (blackhole).

CREATE TABLE bench_discarded (
  event_id   STRING,
  event_type STRING,
  event_time TIMESTAMP_LTZ(3)
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO bench_discarded
SELECT event_id, event_type, event_time
FROM all_events;
