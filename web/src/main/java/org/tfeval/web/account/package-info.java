/** Account management pages for administrators (create with a one-time password, deactivate, reset). */
package org.tfeval.web.account;
