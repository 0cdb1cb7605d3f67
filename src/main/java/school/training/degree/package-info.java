/**
 * 学历提升申请 (process {@code degreeUpgrade}): a teacher below the required degree, or one going a level
 * higher or taking a second degree, applies; the group leader gives an opinion, the principal decides,
 * the office registers the support; while he studies the request waits for completion; the office
 * verifies the certificate and his recorded degree changes, once.
 */
package school.training.degree;
