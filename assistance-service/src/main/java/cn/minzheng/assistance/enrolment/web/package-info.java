/** HTTP for enrolments. */
package cn.minzheng.assistance.enrolment.web;
