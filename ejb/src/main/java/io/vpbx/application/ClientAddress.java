package io.vpbx.application;

import jakarta.enterprise.context.RequestScoped;
import java.io.Serializable;

/**
 * The address of the client of the current request. The web layer sets it once per HTTP request (a
 * filter), so that use cases can record it in the action history without every method taking it as
 * a parameter.
 */
@RequestScoped
public class ClientAddress implements Serializable {
    private static final long serialVersionUID = 1L;

    private String address;

    public void set(String address) {
        this.address = address;
    }

    /** The address, or {@code null} outside an HTTP request. */
    public String get() {
        return address;
    }
}
