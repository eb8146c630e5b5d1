package io.vpbx.sip.call;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs one call's media events on a shared pool, one at a time and in the order they came, so that
 * two digits pressed in quick succession reach the core in that order.
 */
final class SerialExecutor implements Executor {
    private final Executor pool;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
        if (!running) {
            running = true;
            pool.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                org.jboss.logging.Logger.getLogger(SerialExecutor.class)
                        .warnf(e, "A call's media event failed");
            }
        }
    }
}
