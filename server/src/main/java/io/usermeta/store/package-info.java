/** Storage through JDBC: the connection pool, migrations, transactions and the repositories. */
package io.usermeta.store;
