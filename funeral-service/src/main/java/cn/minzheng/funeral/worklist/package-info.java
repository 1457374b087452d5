/** Worklists (待办) of the funeral office, and how long each is now. */
package cn.minzheng.funeral.worklist;
