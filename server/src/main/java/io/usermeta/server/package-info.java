/** Assembling the Jersey application and running it on Grizzly. */
package io.usermeta.server;
