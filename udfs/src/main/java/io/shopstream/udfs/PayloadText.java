package io.shopstream.udfs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PAYLOAD_TEXT(payload)}: a record's bytes as text when they are UTF-8, else NULL; {@code PAYLOAD_BASE64(...)}
 * is {@link PayloadBase64}. A dead letter carries both, so a person reads the usual case (bad JSON) as it is and
 * binary garbage still arrives byte for byte.
 */
public class PayloadText extends ScalarFunction {

    public String eval(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Used by {@link PayloadBase64}; here so both views of a payload live in one place. */
    static String base64(byte[] payload) {
        return payload == null ? null : Base64.getEncoder().encodeToString(payload);
    }
}
