/** Registry's marriage and divorce events, read into funeral's own spouse records. */
package cn.minzheng.funeral.marriage.messaging;
