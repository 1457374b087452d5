/**
 * 统计分析: each office's figures for a year, month by month, as the office computes them ({@code series=month} on
 * its statistics endpoint), in a table with a chart drawn from it and a CSV of it.
 */
package cn.minzheng.portal.dashboard;
