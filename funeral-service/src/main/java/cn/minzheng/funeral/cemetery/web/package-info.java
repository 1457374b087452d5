/** HTTP for cemeteries and burials. */
package cn.minzheng.funeral.cemetery.web;
