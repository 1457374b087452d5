/** The allowance events, kept apart from assistance's so that no consumer mistakes an old-age allowance for poverty. */
package cn.minzheng.assistance.allowance.messaging;
