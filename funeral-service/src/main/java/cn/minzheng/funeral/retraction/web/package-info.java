/** HTTP: proposing and confirming a retraction. */
package cn.minzheng.funeral.retraction.web;
