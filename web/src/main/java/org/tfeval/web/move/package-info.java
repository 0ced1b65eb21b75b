/**
 * The move screen: a record under another parent (a case to another task force), for administrators
 * and site coordinators; who may move what is decided by the study layer ({@link org.tfeval.study.operator.Moves}).
 */
package org.tfeval.web.move;
