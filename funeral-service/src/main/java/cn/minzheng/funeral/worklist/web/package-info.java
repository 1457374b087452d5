/** The worklists' counts over HTTP, for the workbench's to-do cards. */
package cn.minzheng.funeral.worklist.web;
