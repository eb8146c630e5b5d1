package io.vpbx.model.tenancy;

import java.util.List;
import java.util.Optional;

/** The platform's pools. */
public interface PoolRepository {
    Optional<Pool> findById(long id);

    /** The pool with this name in any letter case: pool names are unique regardless of case. */
    Optional<Pool> findByName(String name);

    /**
     * The pool, locked for update until the transaction ends: use cases that must see the pool's
     * admins as they are after a concurrent change (one supervisor blocking another) start here.
     */
    Optional<Pool> lockById(long id);

    List<Pool> listAll();

    Pool add(Pool pool);
}
