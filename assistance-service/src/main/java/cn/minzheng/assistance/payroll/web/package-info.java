/** HTTP for payroll runs and payment lines. */
package cn.minzheng.assistance.payroll.web;
