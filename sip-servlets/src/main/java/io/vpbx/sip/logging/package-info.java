/**
 * JAIN-SIP's stack and message loggers, routed to JBoss Logging so that the stack logs where the
 * server logs (and log4j 1.x never enters the deployment). Full SIP messages are logged at DEBUG
 * only.
 */
package io.vpbx.sip.logging;
