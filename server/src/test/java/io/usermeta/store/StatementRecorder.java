package io.usermeta.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wraps a data source so that every SQL text handed to the driver (prepared, executed or batched)
 * is recorded while recording is on.
 */
final class StatementRecorder {
    private final List<String> statements = new ArrayList<>();
    private volatile boolean recording;

    /** {@code source}, with its connections and their statements seen by this recorder. */
    DataSource wrap(DataSource source) {
        return proxy(DataSource.class, source);
    }

    void start() {
        recording = true;
    }

    /** The statements sent since {@link #start()}, in order. */
    synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    private synchronized void record(String sql) {
        if (recording) {
            statements.add(sql);
        }
    }

    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (args != null && args.length > 0 && args[0] instanceof String sql && takesSql(method)) {
            record(sql);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Connection connection) {
            return proxy(Connection.class, connection);
        }
        if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
            return proxy(Statement.class, statement);
        }
        return result;
    }

    private static boolean takesSql(Method method) {
        String name = method.getName();
        return name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch")
                || name.equals("nativeSQL");
    }
}
