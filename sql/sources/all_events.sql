-- all_events: the four event streams as one, for metrics over every kind of event. Columns a type lacks are NULL.
-- event_time stays the event-time attribute: a window over this view closes when the slowest of the four
-- sources' watermarks passes its end.
CREATE VIEW all_events AS
SELECT event_id, event_type, event_time, user_id, session_id, device_type, os, browser, location,
       CAST(NULL AS STRING) AS product_id, CAST(NULL AS STRING) AS product_name,
       CAST(NULL AS STRING) AS product_category, CAST(NULL AS DECIMAL(12, 2)) AS price,
       CAST(NULL AS INT) AS quantity, CAST(NULL AS DECIMAL(12, 2)) AS total_amount,
       CAST(NULL AS STRING) AS order_id
FROM page_view
UNION ALL
SELECT event_id, event_type, event_time, user_id, session_id, device_type, os, browser, location,
       product_id, product_name, product_category, price,
       CAST(NULL AS INT) AS quantity, CAST(NULL AS DECIMAL(12, 2)) AS total_amount,
       CAST(NULL AS STRING) AS order_id
FROM product_view
UNION ALL
SELECT event_id, event_type, event_time, user_id, session_id, device_type, os, browser, location,
       product_id, product_name, product_category, price,
       quantity, CAST(NULL AS DECIMAL(12, 2)) AS total_amount,
       CAST(NULL AS STRING) AS order_id
FROM add_to_cart
UNION ALL
SELECT event_id, event_type, event_time, user_id, session_id, device_type, os, browser, location,
       product_id, product_name, product_category, price,
       quantity, total_amount,
       order_id
FROM purchase;
