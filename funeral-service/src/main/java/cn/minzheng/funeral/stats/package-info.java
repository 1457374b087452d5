/** The funeral figures of the bureau's reports, counted from the records of a period and division. */
package cn.minzheng.funeral.stats;
