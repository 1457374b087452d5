/** W3C trace context carried from requests into events and from events into what consumers do. */
package cn.minzheng.platform.trace;
