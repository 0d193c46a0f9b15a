package io.usermeta.auth;

import io.usermeta.errors.ApiException;

/** Missing or wrong credentials; answered with a 401 and a Basic challenge. */
public final class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final String CHALLENGE = "Basic realm=\"usermeta\", charset=\"UTF-8\"";

    public UnauthorizedException() {
        super(401, "credentials are missing or wrong; use HTTP Basic with the customer id and license key");
    }
}
