/** The study folder: its config, its instrument file, its embedded database or the team server it points at. */
package org.tfeval.store.study;
