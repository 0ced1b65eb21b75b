/** The start page: coding progress per task force (sampled, coded, complete, double-coded, reconciled) within the session's scope. */
package org.tfeval.web.progress;
