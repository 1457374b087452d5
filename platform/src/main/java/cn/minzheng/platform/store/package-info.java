/** What every collection needs from the store beyond {@code _id}: declared indexes, created at start. */
package cn.minzheng.platform.store;
