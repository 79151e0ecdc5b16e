package io.shopstream.udfs;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One source record read against the input contract: either an event (every field the pipelines use, typed as the
 * source tables declare them) or a dead letter (a reason and a detail a person can act on).
 */
public record ParsedEvent(DeadLetterReason reason, String detail, String eventId, String eventType, Instant eventTime,
        String userId, String sessionId, String deviceType, String os, String browser, String location,
        String productId, String productName, String productCategory, BigDecimal price, Integer quantity,
        BigDecimal totalAmount, String orderId) {

    static ParsedEvent malformed(DeadLetterReason reason, String detail) {
        return new ParsedEvent(reason, detail, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public boolean isValid() {
        return reason == null;
    }
}
