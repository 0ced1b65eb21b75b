/**
 * Data-quality queries in the browser: coordinators open a query on a field (rule hits open
 * their own when a case file is completed), coders answer, coordinators close; each query keeps
 * its thread. Queries follow the task-force scope and the blindness of second coding.
 */
package org.tfeval.web.query;
