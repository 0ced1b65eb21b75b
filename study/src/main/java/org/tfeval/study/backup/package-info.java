/**
 * Backups of a whole study, encrypted with a passphrase the operator holds: {@link
 * org.tfeval.study.backup.Backups#backup} and {@link org.tfeval.study.backup.Backups#restore}
 * (a dump of the database plus every file of the study folder except the embedded database, sealed
 * with AES-256-GCM under a PBKDF2-derived key, authenticated before a restore writes anything).
 */
package org.tfeval.study.backup;
