/** The case events, and the listener for the offices step reports. */
package cn.minzheng.funeral.onething.messaging;
