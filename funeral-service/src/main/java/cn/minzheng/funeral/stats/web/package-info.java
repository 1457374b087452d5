/** HTTP for the funeral statistics. */
package cn.minzheng.funeral.stats.web;
