/** The events this feature publishes (records with their CloudEvents type) and the events it consumes. */
package cn.minzheng.registry.adoption.messaging;
