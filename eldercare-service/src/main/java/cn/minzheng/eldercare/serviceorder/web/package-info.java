/** The home-care orders' HTTP interface, for officers, providers' staff and citizens. */
package cn.minzheng.eldercare.serviceorder.web;
