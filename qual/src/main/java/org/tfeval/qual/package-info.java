/**
 * The qualitative strand of the evaluation, without a database: canonical transcript text and speaker
 * turns ({@code text}, {@code transcript}), the versioned codebook ({@code codebook}), inter-coder
 * reliability on coded text ({@code agreement}) and REFI-QDA interchange ({@code refi}). The store keeps
 * what these values describe; the study module runs the use cases.
 */
package org.tfeval.qual;
