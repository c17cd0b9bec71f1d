package org.peerlet.backup;

/** How far a backup or a restore has come, told after each file. */
public interface Progress {
    Progress NONE = (files, totalFiles, bytes, totalBytes) -> { };

    void at(int files, int totalFiles, long bytes, long totalBytes);
}
