/**
 * The employee's personal cabinet, {@code /my} (spec A §4.1–4.2): their profile, SIP number and
 * registrations, e-mail, voicemail-to-e-mail, greeting and ringback, and their own calls with the
 * recordings of those calls. The pages hold no ids of their own: every use case acts on the
 * logged-in employee.
 */
package io.vpbx.web.my;
