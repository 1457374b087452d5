/** Worklists (待办) of the eldercare office, and how long each is now. */
package cn.minzheng.eldercare.worklist;
