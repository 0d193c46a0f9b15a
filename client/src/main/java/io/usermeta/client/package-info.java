/**
 * A thin hand-written layer over the generated usermeta client: auth, id lists, typed attributes,
 * conditions, distribution parameters, member paging and errors.
 */
package io.usermeta.client;
