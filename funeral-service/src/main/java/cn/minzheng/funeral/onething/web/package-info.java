/** HTTP for the after-death one-thing case. */
package cn.minzheng.funeral.onething.web;
