package io.vpbx.model.tenancy;

import java.util.List;
import java.util.Optional;

/** The platform's pools. */
public interface PoolRepository {
    Optional<Pool> findById(long id);

    Optional<Pool> findByName(String name);

    List<Pool> listAll();

    Pool add(Pool pool);
}
