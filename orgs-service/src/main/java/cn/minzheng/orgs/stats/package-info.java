/** The orgs figures of a period and division, computed from the records in one streamed pass each. */
package cn.minzheng.orgs.stats;
