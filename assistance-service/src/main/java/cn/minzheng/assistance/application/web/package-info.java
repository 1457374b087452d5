/** HTTP for applications and the public notice board. */
package cn.minzheng.assistance.application.web;
