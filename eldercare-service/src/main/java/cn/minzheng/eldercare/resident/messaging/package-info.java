/** The events this feature publishes, and the death events it consumes. */
package cn.minzheng.eldercare.resident.messaging;
