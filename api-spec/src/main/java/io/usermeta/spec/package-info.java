/** The usermeta OpenAPI document: loading it, and reading XML bodies as its schemas describe them. */
package io.usermeta.spec;
