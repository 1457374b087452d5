/** The events home-care orders publish. */
package cn.minzheng.eldercare.serviceorder.messaging;
