package io.vpbx.model.tenancy;

import io.vpbx.model.shared.Login;
import java.util.Optional;

/** The operator's staff accounts. */
public interface PlatformOperatorRepository {
    Optional<PlatformOperator> findById(long id);

    Optional<PlatformOperator> findByLogin(Login login);

    long count();

    PlatformOperator add(PlatformOperator operator);
}
