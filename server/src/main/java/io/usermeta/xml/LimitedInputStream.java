package io.usermeta.xml;

import io.usermeta.errors.ApiException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a 413 as soon as more than the allowed number of bytes has been read. */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "the body is larger than the limit of " + limit + " bytes");
    }
}
