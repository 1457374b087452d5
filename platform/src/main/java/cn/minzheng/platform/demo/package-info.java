/** Demo data sets of the run command: loaded once, from invented people, with every failure counted. */
package cn.minzheng.platform.demo;
