/** Monthly payroll, holiday one-offs and temporary payments: payment lines and subsidy.paid. */
package cn.minzheng.assistance.payroll;
