/** The assistance events this feature consumes. */
package cn.minzheng.eldercare.support.messaging;
