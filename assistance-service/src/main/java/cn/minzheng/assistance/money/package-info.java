/** Money: yuan with two decimals, the one amount type of this service. */
package cn.minzheng.assistance.money;
