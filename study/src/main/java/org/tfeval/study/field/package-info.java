/**
 * Field packages: coding paper case files on a laptop without a network, merged back without
 * loss. {@link org.tfeval.study.field.Field} makes a package for one site and coder (checkout),
 * checks packages in (every change an event, idempotent by client UUID, a field-level three-way
 * merge, the rest to a conflict queue a coordinator resolves field by field), lists and revokes
 * devices. {@link org.tfeval.study.field.FieldSession} runs on the laptop: the package is the only
 * persistent store (every save appends an encrypted event with fsync, reading only the coding rows
 * that changed, so a save costs the same in a package of 40 cases or 400); the laptop's database is
 * rebuilt from it on open and wiped on close. {@link org.tfeval.study.field.Lease} is the one lease
 * rule of checkout and renewal for every adapter. {@link org.tfeval.study.field.FieldPackage} is the
 * file: an authenticated header (study, device, expiry, lease, key derivation) and AES-256-GCM
 * frames under a key derived from the coder's passphrase.
 *
 * <p>Revocation and time. The study revokes a device; check-in, lease renewal and a {@code serve}
 * that reaches the study refuse it at once. An offline laptop cannot learn of a revocation: its
 * package opens until the lease in its header ends (72 hours after checkout or the last renewal by
 * default), reckoned from the later of the laptop's clock and the latest time the package itself
 * recorded (every open and save records one, authenticated), so a clock set back behind the last
 * use is refused. A clock set back to a moment after the last use, before the lease ended, is not
 * detectable offline. A coder who holds the passphrase can read the package whatever the lease says
 * (the lease stops the coding screens, not someone with the key and their own program): revocation
 * protects against a lost laptop and ends a coder's access within one lease, no sooner.
 */
package org.tfeval.study.field;
