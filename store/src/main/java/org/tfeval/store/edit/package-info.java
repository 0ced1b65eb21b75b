/**
 * Changes to single stored records (a coder's correction, a deletion), each audited with old and
 * new values and a reason. Values must be storable (of the variable's type); rule violations are
 * returned, not refused, as a draft may be incomplete: validation reports them.
 */
package org.tfeval.store.edit;
