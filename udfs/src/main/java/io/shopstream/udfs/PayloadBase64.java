package io.shopstream.udfs;

import org.apache.flink.table.functions.ScalarFunction;

/** {@code PAYLOAD_BASE64(payload)}: a record's bytes exactly, in Base64 (see {@link PayloadText}). */
public class PayloadBase64 extends ScalarFunction {

    public String eval(byte[] payload) {
        return PayloadText.base64(payload);
    }
}
