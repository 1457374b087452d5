/** assistance-service events read into the projection. */
package cn.minzheng.funeral.support.messaging;
