/** Worklists (待办) as the domain counts them: no HTTP here. */
package cn.minzheng.platform.worklist;
