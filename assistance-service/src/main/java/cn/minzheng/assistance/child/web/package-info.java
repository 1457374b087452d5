/** HTTP for children's records, agreements, visits and child directors. */
package cn.minzheng.assistance.child.web;
