/** The grantees' reporting layout: one file per grantee (task force x system) and quarter. */
package org.tfeval.measures.layout;
