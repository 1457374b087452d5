/** Enrolments: the amount due each month, reviews, gradual exit and termination. */
package cn.minzheng.assistance.enrolment;
