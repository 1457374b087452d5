/** The events this feature publishes. */
package cn.minzheng.eldercare.resident.messaging;
