/**
 * E-mail out: the SMTP sender with its bounded queue and retries, and the words of the mails in
 * each language. Imports no other feature; account recovery and notifications hand it mails.
 */
package org.peerlet.mail;
