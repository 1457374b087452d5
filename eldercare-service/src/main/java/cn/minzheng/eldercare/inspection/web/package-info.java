/** The inspections' HTTP interface. */
package cn.minzheng.eldercare.inspection.web;
