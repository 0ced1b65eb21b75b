/**
 * Field packages: coding paper case files on a laptop without a network, merged back without
 * loss. {@link org.tfeval.study.field.Field} makes a package for one site and coder (checkout),
 * checks packages in (every change an event, idempotent by client UUID, a field-level three-way
 * merge, the rest to a conflict queue a coordinator resolves field by field), lists and revokes
 * devices. {@link org.tfeval.study.field.FieldSession} runs on the laptop: the package is the only
 * persistent store (every save appends an encrypted event with fsync); the laptop's database is
 * rebuilt from it on open and wiped on close. {@link org.tfeval.study.field.FieldPackage} is the
 * file: an authenticated header (study, device, expiry, key derivation) and AES-256-GCM frames
 * under a key derived from the coder's passphrase.
 */
package org.tfeval.study.field;
