/** Worklists (待办): which lists each role works from, and how long each is now. */
package cn.minzheng.assistance.worklist;
