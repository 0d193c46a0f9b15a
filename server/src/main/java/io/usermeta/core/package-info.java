/** The User API's domain: identifiers, typed values, attribute sets and the rules they obey. */
package io.usermeta.core;
