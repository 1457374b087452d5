/** The facilities' HTTP interface, for staff and for the public finder. */
package cn.minzheng.eldercare.facility.web;
