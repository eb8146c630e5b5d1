/**
 * Tests of the design itself: the module graph and the layering of ARCHITECTURE.md, and a
 * package-info on every package. They read the compiled classes of every module, so a forbidden
 * dependency fails the build.
 */
package io.vpbx.architecture;
