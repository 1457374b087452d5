/** HTTP for integration clients' callback registration. */
package cn.minzheng.funeral.callback.web;
