/** The demo data set the run command loads once (never in production). */
package cn.minzheng.funeral.demo;
