/**
 * Texts a person reads that are stored or sent (history reasons, step details, callback bodies): kept as a key of the
 * bundles and its arguments, worded when read in the reader's language, Chinese by default.
 */
package cn.minzheng.platform.text;
