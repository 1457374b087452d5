/** The office's worklists (待办) and how long each is now, for the workbench's to-do cards. */
package cn.minzheng.orgs.worklist;
