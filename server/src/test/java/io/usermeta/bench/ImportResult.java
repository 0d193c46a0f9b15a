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

    double usersPerSecond() {
        return perSecond(users, elapsedNanos);
    }

    double attributesPerSecond() {
        return perSecond(attributes, elapsedNanos);
    }

    double firstTenthUsersPerSecond() {
        return perSecond(users / 10.0, firstTenthNanos);
    }

    double lastTenthUsersPerSecond() {
        return perSecond(users / 10.0, lastTenthNanos);
    }

    private static double perSecond(double count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }
}
