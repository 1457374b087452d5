/** The events of an office's one-thing reports; their type names the office's service. */
package cn.minzheng.platform.onething.messaging;
