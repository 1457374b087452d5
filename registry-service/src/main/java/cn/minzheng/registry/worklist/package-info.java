/** Worklists (待办) of the registry's windows, and how long each is now. */
package cn.minzheng.registry.worklist;
