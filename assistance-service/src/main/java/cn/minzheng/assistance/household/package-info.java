/** The household registry: members (ID numbers protected), assets, changes of circumstances. */
package cn.minzheng.assistance.household;
