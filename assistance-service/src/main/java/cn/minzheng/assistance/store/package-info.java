/** How this service's value types are stored in MongoDB. */
package cn.minzheng.assistance.store;
