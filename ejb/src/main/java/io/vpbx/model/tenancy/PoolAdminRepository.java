package io.vpbx.model.tenancy;

import io.vpbx.model.shared.Login;
import java.util.List;
import java.util.Optional;

/**
 * Pool console accounts. Logins are unique on the platform, because the pool console asks for no
 * pool.
 */
public interface PoolAdminRepository {
    Optional<PoolAdmin> findById(long id);

    Optional<PoolAdmin> findInPool(long poolId, long adminId);

    Optional<PoolAdmin> findByLogin(Login login);

    List<PoolAdmin> listByPool(long poolId);

    List<PoolAdmin> listGrantedSubgroup(long subgroupId);

    PoolAdmin add(PoolAdmin admin);

    void remove(PoolAdmin admin);
}
