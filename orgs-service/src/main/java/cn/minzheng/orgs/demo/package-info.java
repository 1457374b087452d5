/** The run command's demo data for social organisations. */
package cn.minzheng.orgs.demo;
