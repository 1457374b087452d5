/** HTTP for fee waivers and settlement. */
package cn.minzheng.funeral.fee.web;
