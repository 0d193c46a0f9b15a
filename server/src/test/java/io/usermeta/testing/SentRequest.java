package io.usermeta.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request as a test sent it, for {@link SpecTraffic} to check.
 *
 * @param method the request method
 * @param target the request target as sent: encoded path and optional query
 * @param headers the request's headers, by name without regard to case; a header sent twice keeps its
 *     first value
 * @param body the request body as sent, empty when there was none
 */
public record SentRequest(String method, String target, Map<String, String> headers, byte[] body) {

    public SentRequest {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(byName::putIfAbsent);
        headers = byName;
        body = body == null ? new byte[0] : body;
    }
}
