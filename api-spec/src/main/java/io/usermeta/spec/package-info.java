/**
 * The usermeta OpenAPI document: loading it, reading XML bodies as its schemas describe them, and
 * judging whether a change to it keeps the published versions' clients working.
 */
package io.usermeta.spec;
