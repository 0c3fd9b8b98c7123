/**
 * The responsibility system (意识形态工作责任制): each township's leading group and its seats, the
 * 第一责任人 / 直接责任人 / 一岗双责 responsibilities, all bound to posts so that they follow a change
 * of holder, and the yearly responsibility letters signed with villages and departments.
 */
package org.luoshi.responsibility;
