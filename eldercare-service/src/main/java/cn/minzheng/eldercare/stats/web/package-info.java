/** The statistics' HTTP interface. */
package cn.minzheng.eldercare.stats.web;
