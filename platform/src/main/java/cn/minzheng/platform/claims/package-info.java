/**
 * Uniqueness rules kept without transactions: one holder per key ("one active household per person", "one spouse
 * at a time", "one booking per person and kind"), by a claim document whose {@code _id} is the key.
 */
package cn.minzheng.platform.claims;
