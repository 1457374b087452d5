/** The step report this office publishes for an after-death case. */
package cn.minzheng.registry.onething.messaging;
