/** The eldercare and registry topics' listener (assistance's topic is read by support's listener). */
package cn.minzheng.funeral.offices.messaging;
