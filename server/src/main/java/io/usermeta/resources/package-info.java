/** The JAX-RS resources implementing the interfaces generated from the API specification. */
package io.usermeta.resources;
