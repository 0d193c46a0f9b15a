/** The {@code usermeta} command line: serving, and managing customers. */
package io.usermeta.cli;
