package io.shopstream.events;

/** How an event reaches its topic, relative to the event time of those before it. */
public enum Delivery {
    /** Not behind any event written before it. */
    ON_TIME,
    /** Behind newer events, but within the watermark delay: it still counts in its window. */
    OUT_OF_ORDER,
    /** Behind the watermark: windows no longer take it. */
    LATE,
    /** Not an event of the contract at all. */
    MALFORMED,
    /** A line of a file, written as it is. */
    REPLAYED
}
