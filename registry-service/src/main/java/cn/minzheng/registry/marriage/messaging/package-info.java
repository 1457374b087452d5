/** What other offices' events mean for the registry's records. */
package cn.minzheng.registry.marriage.messaging;
