package io.gwctl.cli.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * A request to the API server that failed: with an HTTP status (code, the Status {@code reason} and
 * {@code message} when the server sent one), or without one (the connection failed or the deadline passed;
 * code 0). {@link #getMessage()} words a server error as kubectl does:
 * {@code Error from server (Forbidden): secrets "x" is forbidden: …}.
 */
public final class KubeApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int code;
    private final String reason;
    private final boolean timedOut;

    private KubeApiException(String message, int code, String reason, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason;
        this.timedOut = timedOut;
    }

    /**
     * From an error answer: the body's Status when it is one, else the generic reason and message client-go
     * gives the code ({@code k8s.io/apimachinery/pkg/api/errors.NewGenericServerResponse}).
     *
     * @param what the request in kubectl's words, e.g. {@code list gateways.networking.istio.io}
     */
    public static KubeApiException fromResponse(int code, String body, String what) {
        String reason = "";
        String message = "";
        try {
            JsonNode status = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (status != null && "Status".equals(status.path("kind").asText())) {
                reason = status.path("reason").asText("");
                message = status.path("message").asText("");
            }
        } catch (java.io.IOException notJson) {
            // a proxy's HTML error page: the generic wording below
        }
        if (reason.isEmpty()) {
            reason = reasonFor(code);
        }
        if (message.isEmpty()) {
            message = genericMessage(code, body) + " (" + what + ")";
        }
        return new KubeApiException("Error from server (" + reason + "): " + oneLine(message), code, reason, false,
                null);
    }

    /** The connection failed: {@code describe} says how (refused, unknown host, TLS). */
    public static KubeApiException connection(String describe, Throwable cause) {
        return new KubeApiException(describe, 0, "", false, cause);
    }

    /** The --request-timeout deadline passed before the server answered. */
    public static KubeApiException timeout(String describe) {
        return new KubeApiException(describe, 0, "", true, null);
    }

    /** The HTTP status, or 0 when the server did not answer. */
    public int code() {
        return code;
    }

    /** The Status reason ({@code Forbidden}, {@code NotFound}, …), empty without an answer. */
    public String reason() {
        return reason;
    }

    public boolean timedOut() {
        return timedOut;
    }

    public boolean forbidden() {
        return code == 403;
    }

    public boolean notFound() {
        return code == 404;
    }

    /** client-go's StatusReason for a code without a Status body. */
    static String reasonFor(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 410 -> "Expired";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> code >= 500 ? "InternalError" : "Unknown";
        };
    }

    private static String genericMessage(int code, String body) {
        return switch (code) {
            case 401 -> "the server has asked for the client to provide credentials";
            case 403 -> "the server does not allow access to the requested resource";
            case 404 -> "the server could not find the requested resource";
            case 405 -> "the server does not allow this method on the requested resource";
            case 409 -> "the server reported a conflict";
            case 410 -> "the server has received a request for a resource that is no longer available";
            case 429 -> "the server has received too many requests and has asked us to try again later";
            case 503 -> "the server is currently unable to handle the request";
            case 504 -> "the server was unable to return a response in the time allotted, but may still be"
                    + " processing the request";
            default -> code >= 500
                    ? "an error on the server (\"" + shortBody(body) + "\") has prevented the request from succeeding"
                    : "the server rejected our request for an unknown reason";
        };
    }

    /** The start of a non-Status body, one line, as client-go quotes it ("unknown" when empty). */
    private static String shortBody(String body) {
        if (body == null || body.isBlank()) {
            return "unknown";
        }
        String s = oneLine(body.strip());
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return getMessage() + (code > 0 ? " [" + code + " " + reason.toLowerCase(Locale.ROOT) + "]" : "");
    }
}
