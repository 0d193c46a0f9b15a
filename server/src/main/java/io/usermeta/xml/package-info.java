/** Reading and writing the API's XML: hardened parsing, encodings and the JAXB body readers. */
package io.usermeta.xml;
