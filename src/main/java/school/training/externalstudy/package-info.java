/**
 * 外出学习申请 (process {@code externalStudy}): a teacher asks to go to an outside training; the group
 * leader and, where the routing table says so, the principal approve; the office registers it; when
 * the trip ends the report-back begins ({@link school.training.externalstudy.TripEnded}).
 */
package school.training.externalstudy;
