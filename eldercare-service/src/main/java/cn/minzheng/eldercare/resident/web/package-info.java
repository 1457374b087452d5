/** The residents' HTTP interface. */
package cn.minzheng.eldercare.resident.web;
