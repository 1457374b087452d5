/** Statistics for the bureau's work report. */
package cn.minzheng.assistance.stats;
