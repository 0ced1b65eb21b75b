/**
 * Restricted-use access, managed: applications (applicant, institution, purpose, IRB approval or
 * exemption, data security plan, signed agreement), the steward's decision, expiry and renewal,
 * annual reports, the destruction certificate that closes an access, and the issue of restricted
 * packages: each one built through {@link org.tfeval.study.StudyFolder#buildRelease}, marked for its
 * recipient (identifier pseudonyms drawn for that issue alone, every file's digest, a signed issue
 * manifest naming the recipient) and entered in the append-only transfer log. {@link
 * org.tfeval.study.access.RestrictedAccess} is the one service both adapters call; every change is
 * one transaction with its audit event.
 */
package org.tfeval.study.access;
