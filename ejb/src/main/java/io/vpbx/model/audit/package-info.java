/**
 * The action history ("История действий"): an append-only record of every change made through any
 * console or the API, with who, from where, what and the values before and after (spec A §2.10,
 * spec F §11.2).
 */
package io.vpbx.model.audit;
