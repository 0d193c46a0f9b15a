/**
 * Segment conditions: checking a condition as sent, and evaluating it against one user's attributes
 * in memory with the same comparisons the database queries make.
 */
package io.usermeta.segments;
