/** HTTP for statistics. */
package cn.minzheng.registry.stats.web;
