/** The run command's demo data: 钟楼区's facilities and residents. */
package cn.minzheng.eldercare.demo;
