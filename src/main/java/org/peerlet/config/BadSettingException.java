package org.peerlet.config;

/** A setting that cannot be used; its message is the one line shown to the operator. */
public class BadSettingException extends RuntimeException {
    public BadSettingException(String message) {
        super(message);
    }
}
