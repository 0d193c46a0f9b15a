package io.usermeta.store;

/**
 * Builds {@code IN (?, …)} lists. Sizes are padded up to a power of two so that a handful of
 * statement shapes serve every list length and stay in the drivers' statement caches.
 */
final class InList {
    static final int MAX_SIZE = 1024;

    private InList() {}

    static int paddedSize(int size) {
        int padded = 1;
        while (padded < size) {
            padded <<= 1;
        }
        return Math.min(padded, MAX_SIZE);
    }

    static String placeholders(int size) {
        return "?" + ", ?".repeat(size - 1);
    }
}
