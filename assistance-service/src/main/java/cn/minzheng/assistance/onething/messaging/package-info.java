/** The step report this office publishes for an after-death case. */
package cn.minzheng.assistance.onething.messaging;
