/**
 * Work calendar (工作日历): the year's duties of one township by month, each done, due or overdue, and
 * the same entries as an iCalendar feed a phone can subscribe to.
 *
 * <p>Nothing here defines a duty. The periodic duties (monthly 中心组学习, quarterly 专题研讨, half-yearly
 * 形势研判, yearly 责任书, quarterly 阵地检查 …) are the indicators of the published indicator sets, read
 * through {@link org.luoshi.assessment.EvaluationService}; the rectification deadlines are the findings'
 * deadlines, read through {@link org.luoshi.inspection.FindingService}. Changing a set changes the calendar.
 */
package org.luoshi.calendar;
