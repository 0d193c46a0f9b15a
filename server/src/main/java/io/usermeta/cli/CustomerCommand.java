package io.usermeta.cli;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.core.Identifiers;
import io.usermeta.store.CustomerRepository;
import io.usermeta.store.Database;
import io.usermeta.store.JdbcCustomerRepository;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Manages customers in the database the server uses. Works while the server runs; changes take
 * effect on the server's next request.
 */
@Command(name = "customer", mixinStandardHelpOptions = true, description = "Manage customers and license keys.",
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
            try (Database opened = Database.open(database.config(2))) {
                return run(new JdbcCustomerRepository(opened), spec.commandLine().getOut());
            }
        }

        abstract int run(CustomerRepository customers, PrintWriter out);

        void requireCustomerId(String customerId) {
            if (!Identifiers.isCustomerId(customerId)) {
                throw new ParameterException(spec.commandLine(),
                        "customer id '" + customerId + "' must be 1-64 letters or digits");
            }
        }

        int fail(String message) {
            spec.commandLine().getErr().println(message);
            return 1;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a customer; prints a generated license key unless one is given.")
    static final class Add extends CustomerTask {
        @Parameters(paramLabel = "ID", description = "Customer id: 1-64 letters or digits.")
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
            out.println("Added customer " + customerId + ".");
            if (licenseKey == null) {
                out.println("License key (shown only now): " + key);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List customers (never their keys).")
    static final class ListCustomers extends CustomerTask {
        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            List<CustomerRepository.Customer> all = customers.list();
            out.printf("%-20s %-25s %-25s %s%n", "CUSTOMER", "CREATED", "KEY SET", "USERS");
            for (CustomerRepository.Customer customer : all) {
                out.printf("%-20s %-25s %-25s %d%n", customer.customerId(), customer.createdAt(),
                        customer.keySetAt(), customer.users());
            }
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Give a customer a new generated license key; the old one stops working at once.")
    static final class RotateKey extends CustomerTask {
        @Parameters(paramLabel = "ID", description = "Customer id.")
        String customerId;

        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            String key = LicenseKeys.generate();
            if (!customers.replaceKey(customerId, LicenseKeys.hash(key))) {
                return fail("no customer " + customerId);
            }
            out.println("New license key of customer " + customerId + " (shown only now): " + key);
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a customer together with all of its users and their attributes.")
    static final class Remove extends CustomerTask {
        @Parameters(paramLabel = "ID", description = "Customer id.")
        String customerId;

        @Override
        int run(CustomerRepository customers, PrintWriter out) {
            if (!customers.remove(customerId)) {
                return fail("no customer " + customerId);
            }
            out.println("Removed customer " + customerId + " and all of its data.");
            return 0;
        }
    }
}
