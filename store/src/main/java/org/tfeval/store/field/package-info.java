/**
 * Field packages in the study database: the rows a laptop package carries (read as JSON, loaded
 * again into the laptop's own database), the devices a package was made for, the change events
 * checked in from them (idempotent by client UUID) and the conflict queue a coordinator resolves;
 * on the laptop, which coding rows changed since the last save ({@link org.tfeval.store.field.LaptopChanges}).
 */
package org.tfeval.store.field;
