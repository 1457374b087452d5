/** HTTP: subscribe, list, unsubscribe, and a subscription's delivery log. */
package cn.minzheng.funeral.subscription.web;
