/**
 * Pact contracts between the generated Java client (the consumer) and the usermeta server (the provider):
 * consumer tests write the pacts, the provider verification replays them against a real server.
 */
package io.usermeta.contract;
