/** The API's one error body and the mappers that turn every failure into it. */
package io.usermeta.errors;
