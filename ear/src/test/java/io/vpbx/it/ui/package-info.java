/**
 * Browser tests: a real headless Chromium clicks through the deployed consoles as operators, pool
 * admins and domain admins do, and reads mail from the test mail server.
 */
package io.vpbx.it.ui;
