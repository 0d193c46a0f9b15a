/** The server's configuration, from flags and environment variables. */
package io.usermeta.config;
