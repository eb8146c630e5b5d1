package io.vpbx.model.tenancy;

import java.lang.reflect.Field;

/** Test support: entities get their ids from JPA, so tests set them by reflection. */
final class EntityIds {
    private EntityIds() {}

    static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set the id of " + entity.getClass(), e);
        }
    }
}
