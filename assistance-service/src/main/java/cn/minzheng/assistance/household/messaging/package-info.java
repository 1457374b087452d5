/** Kafka: reactions to deaths, marriages, divorces and adoptions registered by other services. */
package cn.minzheng.assistance.household.messaging;
