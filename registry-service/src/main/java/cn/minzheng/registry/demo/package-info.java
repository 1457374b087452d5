/** The demo data set the run command loads once. */
package cn.minzheng.registry.demo;
