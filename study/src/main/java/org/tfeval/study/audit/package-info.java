/**
 * The audit log as the study's services use it: events without record changes (views, exports,
 * sign-ins) recorded inside a use case's transaction, and the trail administrators browse and
 * re-verify.
 */
package org.tfeval.study.audit;
