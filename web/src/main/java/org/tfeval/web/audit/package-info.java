/** Administrators browse the hash-chained audit log per case file or record, and re-verify the chain. */
package org.tfeval.web.audit;
