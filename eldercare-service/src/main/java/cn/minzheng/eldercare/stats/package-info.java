/** The eldercare figures of the bureau's work reports. */
package cn.minzheng.eldercare.stats;
