package io.shopstream.udfs;

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * One source record read against the input contract: either an event (every field the pipelines use, typed as the
 * source tables declare them, in Flink's internal data: the row's values as they are) or a dead letter (a reason and
 * a detail a person can act on).
 */
public record ParsedEvent(DeadLetterReason reason, String detail, StringData eventId, StringData eventType,
        TimestampData eventTime, StringData userId, StringData sessionId, StringData deviceType, StringData os,
        StringData browser, StringData location, StringData productId, StringData productName,
        StringData productCategory, DecimalData price, Integer quantity, DecimalData totalAmount,
        StringData orderId) {

    static ParsedEvent malformed(DeadLetterReason reason, String detail) {
        return new ParsedEvent(reason, detail, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public boolean isValid() {
        return reason == null;
    }
}
