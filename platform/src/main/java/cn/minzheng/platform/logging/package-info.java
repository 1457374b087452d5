/** Logging that never carries a full ID number, phone number or bank account (DESIGN.md §4). */
package cn.minzheng.platform.logging;
