/** HTTP for standards. */
package cn.minzheng.assistance.standard.web;
