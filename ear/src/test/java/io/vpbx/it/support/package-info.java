/**
 * What the integration tests share: the deployment (the real EAR), identities from real logins, the
 * demo accounts, the test mail server, and a headless Chromium.
 */
package io.vpbx.it.support;
