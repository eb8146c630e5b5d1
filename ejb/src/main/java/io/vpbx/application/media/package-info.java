/**
 * Greetings and music on hold (spec F §13.3): the domain console's use cases for uploaded audio
 * ({@link io.vpbx.application.media.AudioFilesService}), and what the SIP layer plays ({@link
 * io.vpbx.application.media.MediaFiles}): the music on hold for a call and the built-in prompts.
 */
package io.vpbx.application.media;
