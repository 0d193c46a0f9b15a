/** HTTP Basic authentication of customers against their hashed license keys. */
package io.usermeta.auth;
