/** This service's own death events, read back to notify the subscribers. */
package cn.minzheng.funeral.subscription.messaging;
