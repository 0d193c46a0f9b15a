/** A thin hand-written layer over the generated usermeta client: auth, id lists, typed attributes, errors. */
package io.usermeta.client;
