/** eldercare-service: Eldercare: facilities, beds, residents, meal assistance and home care. Packages below are by feature. */
package cn.minzheng.eldercare;
