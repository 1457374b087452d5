/** HTTP for the orgs statistics. */
package cn.minzheng.orgs.stats.web;
