package io.usermeta.bench;

import org.HdrHistogram.Histogram;

/**
 * What one import through POST took.
 *
 * @param users the users imported
 * @param attributes the attributes imported
 * @param threads the client threads that posted
 * @param usersPerDocument the users in each POSTed document
 * @param elapsedNanos from the first POST sent to the last 204 received
 * @param firstTenthNanos the time the first tenth of the documents took
 * @param lastTenthNanos the time the last tenth of the documents took, on a table nine tenths full
 * @param postLatency each POST's time in nanoseconds
 */
record ImportResult(long users, long attributes, int threads, int usersPerDocument, long elapsedNanos,
        long firstTenthNanos, long lastTenthNanos, Histogram postLatency) {
    private static final long MIN_DOCUMENTS_FOR_TENTHS = 100;

    double usersPerSecond() {
        return perSecond(users, elapsedNanos);
    }

    double attributesPerSecond() {
        return perSecond(attributes, elapsedNanos);
    }

    /** The rate of the first tenth, or 0 where a tenth is too few documents to time on its own. */
    double firstTenthUsersPerSecond() {
        return hasTimedTenths() ? perSecond(users / 10.0, firstTenthNanos) : 0;
    }

    /** The rate of the last tenth, or 0 where a tenth is too few documents to time on its own. */
    double lastTenthUsersPerSecond() {
        return hasTimedTenths() ? perSecond(users / 10.0, lastTenthNanos) : 0;
    }

    /** Whether each tenth holds ten documents or more; fewer are in flight together and finish at once. */
    private boolean hasTimedTenths() {
        return users / usersPerDocument >= MIN_DOCUMENTS_FOR_TENTHS;
    }

    private static double perSecond(double count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }
}
