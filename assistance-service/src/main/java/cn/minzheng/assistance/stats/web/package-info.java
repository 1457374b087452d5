/** HTTP for statistics. */
package cn.minzheng.assistance.stats.web;
