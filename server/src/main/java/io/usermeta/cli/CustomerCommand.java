package io.usermeta.cli;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.config.DatabaseConfig;
import io.usermeta.core.Identifiers;
import io.usermeta.store.CustomerRepository;
import io.usermeta.store.Database;
import io.usermeta.store.JdbcCustomerRepository;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Manages customers in the database the server uses. Works while the server runs; changes take
 * effect on the server's next request. What a script needs (a key, the list) goes to stdout, and
 * sentences for people go to stderr, so that {@code KEY=$(usermeta customer add 12345)} works.
 */
@Command(name = "customer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage customers and license keys.",
        subcommands = {CustomerCommand.Add.class, CustomerCommand.ListCustomers.class,
                CustomerCommand.RotateKey.class, CustomerCommand.Remove.class})
final class CustomerCommand {

    /** Shared by the subcommands: opens the database, runs, closes. */
    abstract static class CustomerTask implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DatabaseConfig config = database.config(2);
            tell("database: " + Database.redact(config.url()));
            try (Database opened = Database.open(config)) {
                return run(new JdbcCustomerRepository(opened), spec.commandLine().getOut());
            }
        }

        abstract int run(CustomerRepository customers, PrintWriter out);

        void requireCustomerId(String customerId) {
            if (!Identifiers.isCustomerId(customerId)) {
                throw new ParameterException(spec.commandLine(),
                        "customer id '" + customerId + "' must be 1-64 ASCII letters or digits");
            }
        }

        /** A sentence for the person at the terminal, kept off stdout. */
        void tell(String sentence) {
            spec.commandLine().getErr().println(sentence);
        }

        int fail(String message) {
            tell(message);
            return 1;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Add a customer; prints a generated license key (alone, on stdout) unless one is given.")
    static final class Add extends CustomerTask {
        @Parameters(paramLabel = "ID", description = "Customer id: 1-64 ASCII letters or digits.")
        String customerId;

        @Option(names = "--license-key", paramLabel = "KEY",
                description = "Use this key (any characters, colons included) instead of a generated one.")
        String licenseKey;

        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            requireCustomerId(customerId);
            if (licenseKey != null && licenseKey.isEmpty()) {
                return fail("the license key may not be empty");
            }
            String key = licenseKey == null ? LicenseKeys.generate() : licenseKey;
            if (!customers.add(customerId, LicenseKeys.hash(key))) {
                return fail("customer " + customerId + " exists already; use rotate-key to give it a new key");
            }
            if (licenseKey != null) {
                tell("Added customer " + customerId + " with the given license key.");
                return 0;
            }
            out.println(key);
            tell("Added customer " + customerId + "; its license key is shown only now.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List customers (never their keys); times are UTC.")
    static final class ListCustomers extends CustomerTask {
        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            CustomerTable.of(customers.list()).forEach(out::println);
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Give a customer a new generated license key, printed alone on stdout;"
                    + " the old one stops working at once.")
    static final class RotateKey extends CustomerTask {
        @Parameters(paramLabel = "ID", description = "Customer id.")
        String customerId;

        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            String key = LicenseKeys.generate();
            if (!customers.replaceKey(customerId, LicenseKeys.hash(key))) {
                return fail("no customer " + customerId);
            }
            out.println(key);
            tell("Customer " + customerId + " has a new license key, shown only now; the old one no longer works.");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Remove a customer together with all of its users and their attributes.")
    static final class Remove extends CustomerTask {
        @Parameters(paramLabel = "ID", description = "Customer id.")
        String customerId;

        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            if (!customers.remove(customerId)) {
                return fail("no customer " + customerId);
            }
            tell("Removed customer " + customerId + " and all of its data.");
            return 0;
        }
    }
}
