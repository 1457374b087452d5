/** The events this feature publishes (records with their CloudEvents type). */
package cn.minzheng.eldercare.facility.messaging;
