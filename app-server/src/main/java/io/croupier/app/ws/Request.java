package io.croupier.app.ws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed request: its type, correlation id and body, with typed field readers that refuse a missing or wrong-typed
 * field with INVALID_FIELD naming it (never a Jackson message on the wire).
 */
record Request(String type, JsonNode id, JsonNode body) {
    static final int STRING_CHARS_MAX = 256;

    String text(String field, int charsMax) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw invalid(field, "is required");
        }
        if (!v.isTextual()) {
            throw invalid(field, "must be a string");
        }
        String s = v.textValue();
        if (s.isEmpty() || s.length() > charsMax) {
            throw invalid(field, "must be 1.." + charsMax + " characters");
        }
        return s;
    }

    String optionalText(String field, int charsMax) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : text(field, charsMax);
    }

    /** A JSON integer (not a float, not a string) in the range of a long. */
    long integer(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw invalid(field, "is required");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(field, "must be an integer");
        }
        return v.longValue();
    }

    long optionalInteger(String field, long fallback) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? fallback : integer(field);
    }

    JsonNode array(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw invalid(field, "is required");
        }
        if (!v.isArray()) {
            throw invalid(field, "must be an array");
        }
        return v;
    }

    static ProtocolException invalid(String field, String problem) {
        return new ProtocolException("INVALID_FIELD", field + " " + problem);
    }
}
